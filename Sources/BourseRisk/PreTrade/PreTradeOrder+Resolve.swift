import BourseCore
import OrderedCollections

extension PreTradeOrder {
    /// The order resolved against the portfolio and the engine's per-instrument limits.
    ///
    /// - Throws: The ``RiskCheckName/orderValidity`` denial: unknown instrument, quantity or
    ///   prices with more decimals than the instrument allows, no rate from the instrument's
    ///   quote currency to the portfolio's base currency.
    init(
        resolving request: RiskRequest, _ portfolio: borrowing PortfolioSnapshot, limits: [InstrumentLimits]
    ) throws(RiskDenial) {
        func deny(_ reason: String) -> RiskDenial { RiskDenial(check: .orderValidity, reason: reason) }
        guard let slot = portfolio.instruments.index(forKey: request.instrumentID) else {
            throw deny("instrument \(request.instrumentID) is not known to the risk engine")
        }
        let state = portfolio.instruments.values[slot]
        guard state.conversion != nil else {
            throw deny(
                "no exchange rate from \(state.instrument.quoteCurrency.code) to the base currency "
                    + "\(portfolio.baseCurrency.code) to value orders in \(request.instrumentID)")
        }
        let size = state.profile.instrument.sizePrecision
        let pricePrecision = state.profile.instrument.pricePrecision
        guard let quantity = Self.exact(request.quantity, size), quantity.raw > 0 else {
            throw deny("quantity \(request.quantity) is not a positive quantity at \(size) decimals")
        }
        guard let replaced = Self.exact(request.replacedQuantity, size), let filled = Self.exact(request.filledQuantity, size) else {
            throw deny("the order's quantities have more than \(size) decimals")
        }
        let limitPrice = request.price.map { Self.exact($0, pricePrecision) }
        let triggerPrice = request.triggerPrice.map { Self.exact($0, pricePrecision) }
        if limitPrice == .some(nil) || triggerPrice == .some(nil) {
            throw deny("price has more than \(pricePrecision) decimals for \(request.instrumentID)")
        }
        self.init(
            request: request, state: state, limits: limits[slot], slot: slot, quantityRaw: quantity.raw,
            limitPrice: limitPrice ?? nil, triggerPrice: triggerPrice ?? nil,
            replacedRaw: request.action == .modify ? replaced.raw : 0, filledRaw: filled.raw)
    }

    /// `value` at `precision` when that loses nothing.
    private static func exact<Value: FixedPointValue>(_ value: Value, _ precision: UInt8) -> Value? {
        guard value.precision != precision else { return value }
        guard let rescaled = try? value.rescaled(to: precision, rule: .down), rescaled == value else { return nil }
        return rescaled
    }
}
