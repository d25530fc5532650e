public import BourseCore

/// One order command resolved against the portfolio: the instrument's state, the quantity
/// being checked (which a check may have reduced), the reference price and the projected
/// position. Built by the ``RiskEngine``; checks only read it.
public struct PreTradeOrder: Sendable {
    public let request: RiskRequest
    public let state: InstrumentRiskState
    /// The configuration's limits for this instrument.
    let limits: InstrumentLimits
    /// The instrument's index in ``PortfolioSnapshot/instruments``.
    let slot: Int
    /// The quantity under check, raw at the instrument's size precision (a check may have reduced it).
    public internal(set) var quantityRaw: Int64
    /// The order's limit price, else its trigger price, else the instrument's last price.
    public let referencePrice: Price?
    /// The order's limit price at the instrument's precision.
    public let limitPrice: Price?
    /// `+1` buy, `−1` sell.
    public let sign: Int64
    /// The position once the other open orders on this side fill (signed raw), without this order.
    public let pendingPositionRaw: Int64
    /// What a modified order has filled already (raw; zero for a submit).
    public let filledRaw: Int64

    /// `replacedRaw`: the leaves quantity a modify replaces (counted in the open orders already).
    init(
        request: RiskRequest, state: InstrumentRiskState, limits: InstrumentLimits, slot: Int, quantityRaw: Int64,
        limitPrice: Price?, triggerPrice: Price?, replacedRaw: Int64, filledRaw: Int64
    ) {
        self.request = request
        self.state = state
        self.limits = limits
        self.slot = slot
        self.quantityRaw = quantityRaw
        self.limitPrice = limitPrice
        self.filledRaw = filledRaw
        referencePrice = limitPrice ?? triggerPrice ?? state.lastPrice
        sign = request.side.sign
        let sameSide = request.side == .buy ? state.openBuyQuantityRaw : state.openSellQuantityRaw
        pendingPositionRaw = state.signedQuantityRaw &+ sign &* max(0, sameSide &- replacedRaw)
    }

    public var instrument: Instrument { state.instrument }
    /// The quantity under check.
    public var quantity: Quantity { Quantity(uncheckedRaw: quantityRaw, precision: instrument.sizePrecision) }
    /// The open position now (signed raw).
    public var positionRaw: Int64 { state.signedQuantityRaw }
    /// The position once this order and the other open orders on its side fill (signed raw).
    public var projectedPositionRaw: Int64 { pendingPositionRaw &+ sign &* quantityRaw }
    /// Whether filling the order makes the open position larger in absolute terms (or flips it).
    public var increasesExposure: Bool { (positionRaw &+ sign &* quantityRaw).magnitude > positionRaw.magnitude }

    /// The largest order quantity keeping `|projected position| ≤ capRaw` (may be negative: none).
    func orderQuantityCap(forPositionCap capRaw: Int64) -> Int64 {
        let (cap, overflow) = capRaw.subtractingReportingOverflow(sign &* pendingPositionRaw)
        return overflow ? .max : cap
    }

    /// Formats a raw quantity at the instrument's size precision.
    func text(quantityRaw raw: Int64) -> String {
        let q = Quantity(uncheckedRaw: Int64(raw.magnitude), precision: instrument.sizePrecision)
        return raw < 0 ? "-\(q)" : "\(q)"
    }

    /// The verdict on a value limit. `.pass` when `coveredRaw` (raw, size precision: the part of
    /// the order or of the projected position the limit covers) costs at most `limitRaw`
    /// base-currency units at `price` (plus the taker fee `fee`). Otherwise the largest covered
    /// quantity that fits is turned into an order quantity by `orderCap` and the order is reduced
    /// to it or denied, with `reason` built only then.
    ///
    /// - Complexity: O(1); the bound is only solved for when the limit is exceeded.
    func valueLimit(
        covering coveredRaw: Int64, limitRaw: Int64, price: Price, fee: Rate? = nil, reduces: Bool,
        orderCap: (Int64) -> Int64, reason: () -> String
    ) -> CheckOutcome {
        guard coveredRaw > 0 else { return .pass }
        if limitRaw > 0, let cost = RiskMath.cost(quantityRaw: coveredRaw, price: price, state: state, fee: fee), cost <= limitRaw {
            return .pass
        }
        let maxCovered = RiskMath.maxQuantityRaw(forNotionalRaw: limitRaw, price: price, state: state, fee: fee)
        return .limit(quantityRaw, max: orderCap(maxCovered), reduces: reduces, reason: reason)
    }
}
