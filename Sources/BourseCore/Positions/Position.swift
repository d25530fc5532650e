public import OrderedCollections

/// A position in one instrument, built only from fills.
///
/// Quantities are signed inside (`+` long, `−` short). P&L is kept in raw units of the
/// quote currency, exactly:
/// - each fill's notional is `price × quantity × multiplier`, rounded half-even to the quote
///   currency — the same amount ``Account`` moves, so P&L reconciles with cash to the unit;
/// - the **cost basis** is the signed sum of the open fills' notionals (paid for a long,
///   received for a short). Reducing the position releases a pro-rata share of it (rounded
///   half-even to the currency unit); closing it releases all of what is left;
/// - **realized P&L** accumulates `closing proceeds − released cost`, net of commissions paid
///   in the quote currency. Commissions in another currency (e.g. BNB) are kept apart in
///   ``otherCommissions`` and not converted;
/// - **unrealized P&L** at a mark is `mark value − cost basis`.
///
/// Hence, for any sequence of fills, `realized + unrealized(mark)` equals the cash-flow view
/// `Σ(signed fill notionals) + mark value − commissions` exactly, and a flat position has
/// zero cost basis and zero unrealized P&L. A fill larger than the open quantity on the other
/// side flips the position through zero in one step: the closing part realizes P&L, the rest
/// opens the new side at the fill price. A position that went flat can reopen (netting);
/// realized P&L covers its whole life.
///
/// The average open price is the quantity-weighted price of the fills that opened or
/// increased the current side (reductions leave it unchanged).
///
/// - Complexity: ``apply(fill:)`` is O(1) and allocation-free for fills whose commission is in
///   the quote currency.
public struct Position: Sendable, Hashable {
    public let id: PositionID
    public let instrumentID: InstrumentID
    public let strategyID: StrategyID?
    /// The currency of prices, notional and P&L.
    public let quoteCurrency: Currency
    public let pricePrecision: UInt8
    public let sizePrecision: UInt8
    let scale: NotionalScale

    /// Open quantity in raw units at ``sizePrecision``: positive long, negative short.
    public private(set) var signedQuantityRaw: Int64 = 0
    /// Signed cost of the open quantity in raw quote-currency units.
    private(set) var costBasisRaw: Int64 = 0
    /// Realized P&L before commissions, raw quote-currency units.
    private(set) var grossRealizedRaw: Int64 = 0
    /// Commissions paid in the quote currency, raw.
    private(set) var commissionRaw: Int64 = 0
    /// Σ price raw × quantity raw of the fills that opened the current side.
    private(set) var openPriceQuantitySum: Int128 = 0
    /// Σ quantity raw of those fills.
    private(set) var openedQuantityRaw: Int64 = 0

    /// Commissions charged in currencies other than the quote currency, not converted.
    public private(set) var otherCommissions: OrderedDictionary<Currency, Money> = [:]
    /// Number of fills applied.
    public private(set) var fillCount: Int = 0
    /// When the current (or last) side was opened.
    public private(set) var tsOpened: UnixNanos?
    /// When the position last went flat.
    public private(set) var tsClosed: UnixNanos?
    /// Time of the last fill.
    public private(set) var tsLast: UnixNanos?

    /// A flat position in `instrument`.
    public init(id: PositionID, instrument: Instrument, strategyID: StrategyID? = nil) {
        self.id = id
        instrumentID = instrument.id
        self.strategyID = strategyID
        quoteCurrency = instrument.quoteCurrency
        pricePrecision = instrument.pricePrecision
        sizePrecision = instrument.sizePrecision
        scale = NotionalScale(instrument: instrument)
    }

    /// Applies one fill (see the type's documentation for the accounting).
    /// Throws, changing nothing, when the fill is for another instrument or position,
    /// is not at the instrument's precisions, or an amount overflows.
    ///
    /// - Complexity: O(1), no allocation unless the commission is in a new non-quote currency.
    public mutating func apply(fill: OrderFilled) throws(PositionError) {
        guard fill.instrumentID == instrumentID else {
            throw .instrumentMismatch(position: id, expected: instrumentID, got: fill.instrumentID)
        }
        if let other = fill.positionID, other != id { throw .positionMismatch(expected: id, got: other) }
        guard fill.lastPrice.precision == pricePrecision, fill.lastQuantity.precision == sizePrecision else {
            throw .precisionMismatch(
                id, "fill \(fill.lastQuantity) @ \(fill.lastPrice) is not at precisions \(sizePrecision)/\(pricePrecision)")
        }
        var next = self
        guard
            next.applyExecution(
                sign: fill.side.sign, quantityRaw: fill.lastQuantity.raw, priceRaw: fill.lastPrice.raw, ts: fill.tsEvent)
        else { throw .overflow(id) }
        if fill.commission.currency == quoteCurrency {
            let (sum, overflow) = next.commissionRaw.addingReportingOverflow(fill.commission.raw)
            guard !overflow else { throw .overflow(id) }
            next.commissionRaw = sum
            // Keep the net realized P&L representable, so `realizedPnL` never overflows.
            guard !next.grossRealizedRaw.subtractingReportingOverflow(sum).overflow else { throw .overflow(id) }
        } else {
            let previous = next.otherCommissions[fill.commission.currency] ?? .zero(fill.commission.currency)
            guard let sum = try? previous + fill.commission else { throw .overflow(id) }
            next.otherCommissions[fill.commission.currency] = sum
        }
        self = next
    }

    /// The accounting of one execution; `false` on overflow (state then undefined: callers work on a copy).
    private mutating func applyExecution(sign: Int64, quantityRaw q: Int64, priceRaw: Int64, ts: UnixNanos) -> Bool {
        guard let notional = scale.notional(priceRaw: priceRaw, quantityRaw: q) else { return false }
        fillCount += 1
        tsLast = ts
        let held = signedQuantityRaw.magnitude
        if signedQuantityRaw == 0 || (signedQuantityRaw > 0) == (sign > 0) {
            if signedQuantityRaw == 0 { tsOpened = ts }
            return open(sign: sign, quantityRaw: q, priceRaw: priceRaw, notional: notional)
        }
        let closing = min(q, Int64(held))
        let closingNotional: Int64
        if closing == q {
            closingNotional = notional
        } else {
            guard let n = scale.notional(priceRaw: priceRaw, quantityRaw: closing) else { return false }
            closingNotional = n
        }
        let released = closing == Int64(held) ? costBasisRaw : Self.proRata(costBasisRaw, closing, Int64(held))
        // Cash flow of the closing part: −sign × notional (a sell receives, a buy pays).
        let (realized, o1) = (-sign * closingNotional).subtractingReportingOverflow(released)
        let (gross, o2) = grossRealizedRaw.addingReportingOverflow(realized)
        guard !o1, !o2 else { return false }
        guard !gross.subtractingReportingOverflow(commissionRaw).overflow else { return false }
        grossRealizedRaw = gross
        costBasisRaw -= released
        signedQuantityRaw += sign * closing
        if signedQuantityRaw == 0 {
            openPriceQuantitySum = 0
            openedQuantityRaw = 0
            tsClosed = ts
        }
        guard closing < q else { return true }
        tsOpened = ts
        return open(sign: sign, quantityRaw: q - closing, priceRaw: priceRaw, notional: notional - closingNotional)
    }

    /// Opens or increases the position on `sign`'s side.
    @inline(__always)
    private mutating func open(sign: Int64, quantityRaw q: Int64, priceRaw: Int64, notional: Int64) -> Bool {
        let (cost, o1) = costBasisRaw.addingReportingOverflow(sign * notional)
        let (quantity, o2) = signedQuantityRaw.addingReportingOverflow(sign * q)
        let (opened, o3) = openedQuantityRaw.addingReportingOverflow(q)
        guard !o1, !o2, !o3 else { return false }
        costBasisRaw = cost
        signedQuantityRaw = quantity
        openedQuantityRaw = opened
        openPriceQuantitySum += Int128(priceRaw) * Int128(q)
        return true
    }

    /// `amount × part / whole`, rounded half-even (`0 < part < whole`), so the result fits `Int64`.
    private static func proRata(_ amount: Int64, _ part: Int64, _ whole: Int64) -> Int64 {
        let (high, low) = amount.multipliedFullWidth(by: part)
        if (high == 0 && low <= UInt64(Int64.max)) || (high == -1 && low > UInt64(Int64.max)) {
            return FixedPoint.divide(Int64(truncatingIfNeeded: low), by: whole, rule: .halfEven)
        }
        return (try? FixedPoint.divide(Int128(amount) * Int128(part), by: Int128(whole), rule: .halfEven)) ?? amount
    }
}
