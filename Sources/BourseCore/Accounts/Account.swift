public import OrderedCollections

/// An account at a venue: balances per currency, with money locked for open orders.
///
/// Cash account rules (``AccountType/cash``):
/// - a buy fill debits `notional + commission`, a sell fill credits `notional − commission`
///   (the commission in its own currency); for FX and crypto spot pairs the base currency
///   balance moves by the fill quantity too (a sell needs that much base currency);
/// - equities and futures are not held as balances: their positions are ``Position`` values;
/// - a fill first consumes the lock of its order (``lock(_:for:)``) up to the amount it debits;
/// - no balance may go below what is locked in it: otherwise ``AccountError/insufficientFunds(_:required:free:)``
///   and nothing changes. Every operation is all-or-nothing.
///
/// Iteration over ``balances`` and ``locks`` follows insertion order (deterministic).
///
/// ```swift
/// var account = try Account(id: AccountID("SIM-001"), deposits: [Money(parsing: "10000", .USD)])
/// try account.lock(Money(parsing: "1012.50", .USD), for: orderID)
/// try account.apply(fill: fill, instrument: goog)
/// account.balance(.USD).free
/// ```
public struct Account: Sendable, Hashable {
    public let id: AccountID
    public let type: AccountType
    /// Balances per currency, in the order currencies first appeared.
    public private(set) var balances: OrderedDictionary<Currency, AccountBalance> = [:]
    /// The amount locked for each open order.
    public private(set) var locks: OrderedDictionary<ClientOrderID, Money> = [:]

    /// An account funded with `deposits` (positive amounts).
    public init(id: AccountID, type: AccountType = .cash, deposits: [Money] = []) throws(AccountError) {
        self.id = id
        self.type = type
        for amount in deposits { try deposit(amount) }
    }

    /// An account holding exactly `balances` (one total per currency, zero included, kept in this
    /// order) with nothing locked: a saved account restored as it was, where a spent currency
    /// keeps its zero balance. Throws ``AccountError/negativeBalance(_:_:)`` or
    /// ``AccountError/duplicateCurrency(_:_:)``.
    public init(id: AccountID, type: AccountType = .cash, balances: [Money]) throws(AccountError) {
        self.id = id
        self.type = type
        for total in balances {
            guard total.raw >= 0 else { throw .negativeBalance(id, total) }
            guard self.balances[total.currency] == nil else { throw .duplicateCurrency(id, total.currency) }
            self.balances[total.currency] = AccountBalance(total: total, locked: .zero(total.currency))
        }
    }

    /// The balance of `currency` (zero when the account never held it).
    public func balance(_ currency: Currency) -> AccountBalance { balances[currency] ?? .zero(currency) }

    /// Adds money.
    public mutating func deposit(_ amount: Money) throws(AccountError) {
        guard amount.raw > 0 else { throw .nonPositiveAmount(id, amount) }
        var changes = BalanceChanges()
        changes.add(amount.currency, total: Int128(amount.raw))
        try commit(changes)
    }

    /// Removes money; it must be free.
    public mutating func withdraw(_ amount: Money) throws(AccountError) {
        guard amount.raw > 0 else { throw .nonPositiveAmount(id, amount) }
        var changes = BalanceChanges()
        changes.add(amount.currency, total: -Int128(amount.raw))
        try commit(changes)
    }

    /// Reserves `amount` of free money for an open order (added to any lock the order already has).
    public mutating func lock(_ amount: Money, for order: ClientOrderID) throws(AccountError) {
        guard amount.raw > 0 else { throw .nonPositiveAmount(id, amount) }
        var newLock = amount
        if let existing = locks[order] {
            guard existing.currency == amount.currency else {
                throw .lockCurrencyMismatch(id, order, existing: existing, new: amount)
            }
            guard let sum = try? existing + amount else { throw .overflow(id) }
            newLock = sum
        }
        var changes = BalanceChanges()
        changes.add(amount.currency, locked: Int128(amount.raw))
        try commit(changes)
        locks[order] = newLock
    }

    /// Releases what is still locked for `order` (when it is canceled, expired or done);
    /// returns the amount released, `nil` when nothing was locked.
    @discardableResult
    public mutating func unlock(for order: ClientOrderID) -> Money? {
        guard let amount = locks.removeValue(forKey: order) else { return nil }
        let balance = self.balance(amount.currency)
        balances[amount.currency] = AccountBalance(
            total: balance.total, locked: Money(uncheckedRaw: balance.locked.raw - amount.raw, currency: amount.currency))
        return amount
    }

    /// What a cash account must lock to place an order: for a buy, the notional at `price`
    /// plus the instrument's taker fee, in the quote currency; for a sell of an FX or crypto
    /// spot pair, the quantity in the base currency; otherwise nothing (`nil`): selling shares
    /// one does not hold is for the risk engine to refuse.
    public func requiredLock(
        side: OrderSide, quantity: Quantity, price: Price, instrument: Instrument
    ) throws(AccountError) -> Money? {
        switch type {
        case .cash:
            switch side {
            case .buy:
                do {
                    let notional = try instrument.notional(quantity: quantity, price: price)
                    let fee = try instrument.takerFee.applied(to: notional, rule: .up)
                    return try notional + Money(uncheckedRaw: max(fee.raw, 0), currency: fee.currency)
                } catch { throw .overflow(id) }
            case .sell:
                return try baseAmount(quantity, instrument)
            }
        }
    }

    /// Applies a fill's cash movements (see the type's rules); all or nothing.
    public mutating func apply(fill: OrderFilled, instrument: Instrument) throws(AccountError) {
        guard fill.instrumentID == instrument.id else {
            throw .instrumentMismatch(id, expected: instrument.id, got: fill.instrumentID)
        }
        var changes = BalanceChanges()
        switch type {
        case .cash:
            let notional: Money
            do { notional = try instrument.notional(quantity: fill.lastQuantity, price: fill.lastPrice) } catch {
                throw .overflow(id)
            }
            let sign = Int128(fill.side.sign)
            changes.add(notional.currency, total: -sign * Int128(notional.raw))
            if let base = try baseAmount(fill.lastQuantity, instrument) {
                changes.add(base.currency, total: sign * Int128(base.raw))
            }
            changes.add(fill.commission.currency, total: -Int128(fill.commission.raw))
        }
        var remainingLock: Money?
        if let lock = locks[fill.clientOrderID] {
            let debit = max(0, -(changes.totalDelta(lock.currency)))
            let release = min(Int128(lock.raw), debit)
            changes.add(lock.currency, locked: -release)
            remainingLock = Money(uncheckedRaw: lock.raw - Int64(release), currency: lock.currency)
        }
        try commit(changes)
        if let remainingLock {
            locks[fill.clientOrderID] = remainingLock.raw == 0 ? nil : remainingLock
        }
    }

    /// The base-currency amount of `quantity` for spot pairs that settle in two currencies.
    private func baseAmount(_ quantity: Quantity, _ instrument: Instrument) throws(AccountError) -> Money? {
        guard let base = instrument.baseCurrency, instrument.assetClass == .fxSpot || instrument.assetClass == .cryptoSpot
        else { return nil }
        do {
            return try Money(raw: quantity.raw, precision: quantity.precision, currency: base, rule: .halfEven)
        } catch { throw .overflow(id) }
    }

    /// Checks every change (no overflow, no balance below its locked part, no negative lock),
    /// then applies them all; on error nothing changes.
    private mutating func commit(_ changes: BalanceChanges) throws(AccountError) {
        var updated: [(Currency, AccountBalance)] = []
        for (currency, delta) in changes.deltas {
            let balance = self.balance(currency)
            guard let total = Int64(exactly: Int128(balance.total.raw) + delta.total),
                let locked = Int64(exactly: Int128(balance.locked.raw) + delta.locked), locked >= 0
            else { throw .overflow(id) }
            if Int128(total) - Int128(locked) < 0 && (delta.total < 0 || delta.locked > 0) {
                guard let required = Int64(exactly: max(0, -delta.total) + max(0, delta.locked)),
                    let free = Int64(exactly: Int128(balance.free.raw) - min(0, delta.locked))
                else { throw .overflow(id) }
                throw .insufficientFunds(
                    id, required: Money(uncheckedRaw: required, currency: currency),
                    free: Money(uncheckedRaw: free, currency: currency))
            }
            updated.append(
                (currency, AccountBalance(total: Money(uncheckedRaw: total, currency: currency), locked: Money(uncheckedRaw: locked, currency: currency))))
        }
        for (currency, balance) in updated { balances[currency] = balance }
    }
}

/// Pending per-currency changes of an account operation, applied together.
private struct BalanceChanges {
    /// Changes in raw units, in 128 bits so that summing them cannot overflow.
    var deltas: OrderedDictionary<Currency, (total: Int128, locked: Int128)> = [:]

    mutating func add(_ currency: Currency, total: Int128 = 0, locked: Int128 = 0) {
        let current = deltas[currency] ?? (0, 0)
        deltas[currency] = (current.total + total, current.locked + locked)
    }

    func totalDelta(_ currency: Currency) -> Int128 { deltas[currency]?.total ?? 0 }
}
