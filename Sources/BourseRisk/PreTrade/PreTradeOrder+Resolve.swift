import BourseCore
import OrderedCollections

extension PreTradeOrder {
    /// The order resolved against the portfolio, or the ``RiskCheckName/orderValidity`` denial:
    /// unknown instrument, quantity or prices with more decimals than the instrument allows.
    static func resolve(_ request: RiskRequest, _ portfolio: PortfolioSnapshot) -> Result<PreTradeOrder, RiskDenial> {
        func deny(_ reason: String) -> Result<PreTradeOrder, RiskDenial> {
            .failure(RiskDenial(check: .orderValidity, reason: reason))
        }
        guard let state = portfolio.instruments[request.instrumentID] else {
            return deny("instrument \(request.instrumentID) is not known to the risk engine")
        }
        let instrument = state.instrument
        let size = instrument.sizePrecision
        guard let quantity = exact(request.quantity, size), quantity.raw > 0 else {
            return deny("quantity \(request.quantity) is not a positive quantity at \(size) decimals")
        }
        guard let replaced = exact(request.replacedQuantity, size), let filled = exact(request.filledQuantity, size) else {
            return deny("the order's quantities have more than \(size) decimals")
        }
        let limitPrice = request.price.map { exact($0, instrument.pricePrecision) }
        let triggerPrice = request.triggerPrice.map { exact($0, instrument.pricePrecision) }
        if limitPrice == .some(nil) || triggerPrice == .some(nil) {
            return deny("price has more than \(instrument.pricePrecision) decimals for \(request.instrumentID)")
        }
        return .success(
            PreTradeOrder(
                request: request, state: state, quantityRaw: quantity.raw, limitPrice: limitPrice ?? nil,
                triggerPrice: triggerPrice ?? nil, replacedRaw: request.action == .modify ? replaced.raw : 0,
                filledRaw: filled.raw))
    }

    /// `value` at `precision` when that loses nothing.
    private static func exact<Value: FixedPointValue>(_ value: Value, _ precision: UInt8) -> Value? {
        guard value.precision != precision else { return value }
        guard let rescaled = try? value.rescaled(to: precision, rule: .down), rescaled == value else { return nil }
        return rescaled
    }
}
