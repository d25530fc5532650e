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
    @usableFromInline let scale: NotionalScale

    /// The numbers of the position (trivial values only, so applying a fill copies no references).
    @usableFromInline var ledger = PositionLedger()

    /// Commissions charged in currencies other than the quote currency, not converted.
    public private(set) var otherCommissions: OrderedDictionary<Currency, Money> = [:]

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
    ///   Inlinable so that callers pass the fill's fields without copying the fill.
    @inlinable @inline(__always)
    public mutating func apply(fill: OrderFilled) throws(PositionError) {
        guard fill.instrumentID == instrumentID, fill.positionID == nil || fill.positionID == id,
            fill.lastPrice.precision == pricePrecision, fill.lastQuantity.precision == sizePrecision
        else { throw rejection(of: fill) }
        // Read everything from the fill before writing to `self`, so the fill is only borrowed.
        let sign = fill.side.sign
        let quantityRaw = fill.lastQuantity.raw
        let priceRaw = fill.lastPrice.raw
        let ts = fill.tsEvent
        let commissionRaw = fill.commission.raw
        let inQuoteCurrency = fill.commission.currency == quoteCurrency
        let otherCommission = inQuoteCurrency ? nil : try otherCommissionTotal(adding: fill.commission)
        var ledger = self.ledger
        guard ledger.apply(sign: sign, quantityRaw: quantityRaw, priceRaw: priceRaw, ts: ts, scale: scale),
            !inQuoteCurrency || ledger.addCommission(commissionRaw)
        else { throw .overflow(id) }
        if let otherCommission { setOtherCommission(otherCommission) }
        self.ledger = ledger
    }

    /// The error for a fill that does not belong to this position (kept out of the inlined hot path).
    @usableFromInline
    func rejection(of fill: OrderFilled) -> PositionError {
        if fill.instrumentID != instrumentID {
            return .instrumentMismatch(position: id, expected: instrumentID, got: fill.instrumentID)
        }
        if let other = fill.positionID, other != id { return .positionMismatch(expected: id, got: other) }
        return .precisionMismatch(
            id, "fill \(fill.lastQuantity) @ \(fill.lastPrice) is not at precisions \(sizePrecision)/\(pricePrecision)")
    }

    @usableFromInline
    mutating func setOtherCommission(_ total: Money) { otherCommissions[total.currency] = total }

    /// Rare path: the new total of a commission in another currency.
    @usableFromInline
    func otherCommissionTotal(adding commission: Money) throws(PositionError) -> Money {
        let previous = otherCommissions[commission.currency] ?? .zero(commission.currency)
        guard let sum = try? previous + commission else { throw .overflow(id) }
        return sum
    }

    /// Open quantity in raw units at ``sizePrecision``: positive long, negative short.
    public var signedQuantityRaw: Int64 { ledger.signedQuantityRaw }
    /// Number of fills applied.
    public var fillCount: Int { ledger.fillCount }
    /// When the current (or last) side was opened.
    public var tsOpened: UnixNanos? { ledger.tsOpened }
    /// When the position last went flat.
    public var tsClosed: UnixNanos? { ledger.tsClosed }
    /// Time of the last fill.
    public var tsLast: UnixNanos? { ledger.tsLast }
    var costBasisRaw: Int64 { ledger.costBasisRaw }
    var grossRealizedRaw: Int64 { ledger.grossRealizedRaw }
    var commissionRaw: Int64 { ledger.commissionRaw }
    var openPriceQuantitySum: Int128 { ledger.openPriceQuantitySum }
    var openedQuantityRaw: Int64 { ledger.openedQuantityRaw }
}
