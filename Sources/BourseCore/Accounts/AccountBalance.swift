/// The balance of one currency in an account.
public struct AccountBalance: Sendable, Hashable, CustomStringConvertible {
    /// All the money of this currency in the account.
    public let total: Money
    /// The part reserved for open orders.
    public let locked: Money

    /// Total and locked amounts in the same currency, `0 ≤ locked ≤ total` not enforced here
    /// (the ``Account`` keeps that invariant).
    public init(total: Money, locked: Money) {
        self.total = total
        self.locked = locked
    }

    /// A zero balance.
    public static func zero(_ currency: Currency) -> AccountBalance {
        AccountBalance(total: .zero(currency), locked: .zero(currency))
    }

    public var currency: Currency { total.currency }

    /// What can still be spent or locked: `total − locked`.
    public var free: Money { Money(uncheckedRaw: total.raw - locked.raw, currency: currency) }

    public var description: String { "\(currency): total \(total.amountText), locked \(locked.amountText), free \(free.amountText)" }
}
