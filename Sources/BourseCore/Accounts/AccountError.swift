/// Why an account operation was refused. A refused operation changes nothing.
public enum AccountError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Spending or locking more than the free balance.
    case insufficientFunds(AccountID, required: Money, free: Money)
    /// A deposit, withdrawal or lock of zero or a negative amount.
    case nonPositiveAmount(AccountID, Money)
    /// A second lock for an order whose lock is in another currency.
    case lockCurrencyMismatch(AccountID, ClientOrderID, existing: Money, new: Money)
    /// A fill whose instrument is not the instrument given with it.
    case instrumentMismatch(AccountID, expected: InstrumentID, got: InstrumentID)
    /// An amount beyond the fixed-point range.
    case overflow(AccountID)
    /// A balance to restore below zero (a cash account never holds one).
    case negativeBalance(AccountID, Money)
    /// A currency listed twice among the balances to restore.
    case duplicateCurrency(AccountID, Currency)

    public var description: String {
        switch self {
        case .insufficientFunds(let id, let required, let free):
            "account \(id): insufficient funds: \(required) required, \(free) free"
        case .nonPositiveAmount(let id, let amount): "account \(id): amount \(amount) must be positive"
        case .lockCurrencyMismatch(let id, let order, let existing, let new):
            "account \(id): order \(order) already locks \(existing); cannot add \(new)"
        case .instrumentMismatch(let id, let expected, let got):
            "account \(id): fill for \(got) applied with instrument \(expected)"
        case .overflow(let id): "account \(id): amount overflows the fixed-point range"
        case .negativeBalance(let id, let total): "account \(id): balance \(total) cannot be negative"
        case .duplicateCurrency(let id, let currency): "account \(id): currency \(currency) is listed twice"
        }
    }
}
