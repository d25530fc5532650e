import BourseCore

/// The projected position's value at the order's reference price, in the portfolio's base
/// currency, at most the maximum. Orders that reduce the position pass. Reduces when configured.
public struct MaxPositionNotionalCheck: PreTradeCheck {
    public static let name = RiskCheckName.maxPositionNotional
    let limits: ResolvedSizeLimits
    public let reduces: Bool

    public init(_ limits: SizeLimits, reduces: Bool) {
        self.limits = ResolvedSizeLimits(limits)
        self.reduces = reduces
    }

    public func evaluate(_ order: PreTradeOrder, portfolio: PortfolioSnapshot) -> CheckOutcome {
        guard order.increasesExposure, let limitRaw = order.limits.positionNotionalRaw else { return .pass }
        guard let price = order.referencePrice else { return .deny(reason: order.noPriceReason("the position")) }
        return order.valueLimit(
            covering: order.sign &* order.projectedPositionRaw, limitRaw: limitRaw, price: price, reduces: reduces,
            orderCap: { order.orderQuantityCap(forPositionCap: $0) }
        ) {
            let value = order.state.valueRaw(quantityRaw: order.projectedPositionRaw, price: price) ?? .max
            return "projected position value \(portfolio.text(moneyRaw: value)) (\(order.text(quantityRaw: order.projectedPositionRaw)) "
                + "at \(price)) exceeds the maximum position notional \(portfolio.text(moneyRaw: limitRaw)) for \(order.request.instrumentID)"
        }
    }
}
