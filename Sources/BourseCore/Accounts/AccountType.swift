/// How an account funds trades. Only cash accounts exist today; margin accounts
/// (initial/maintenance margin, leverage, borrowing) will be added as a new case, and
/// ``Account/apply(fill:instrument:)`` and ``Account/requiredLock(side:quantity:price:instrument:)``
/// switch on this type, so margin rules slot in without changing their callers.
public enum AccountType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Trades are paid in full from the balances; no borrowing, no shorting of balances.
    case cash
}
