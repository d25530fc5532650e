import BourseCore
/// The projected position's value at the order's reference price at most the maximum. Orders
/// that reduce the position pass. Reduces when configured.
public struct MaxPositionNotionalCheck: PreTradeCheck {
    public static let name = RiskCheckName.maxPositionNotional
    let limits: ResolvedSizeLimits
    public let reduces: Bool

    public init(_ limits: SizeLimits, reduces: Bool) {
        self.limits = ResolvedSizeLimits(limits)
        self.reduces = reduces
    }

    public func evaluate(_ order: PreTradeOrder, portfolio: PortfolioSnapshot) -> CheckOutcome {
        guard order.increasesExposure, let limit = limits.notional(for: order) else { return .pass }
        guard let price = order.referencePrice else { return .deny(reason: order.noPriceReason("the position")) }
        let capRaw = RiskMath.maxQuantityRaw(forNotionalRaw: limit.raw, price: price, state: order.state)
        return .limit(order.quantityRaw, max: order.orderQuantityCap(forPositionCap: capRaw), reduces: reduces) {
            let value = order.state.notionalRaw(quantityRaw: order.projectedPositionRaw, price: price) ?? .max
            return "projected position value \(order.text(moneyRaw: value)) (\(order.text(quantityRaw: order.projectedPositionRaw)) "
                + "at \(price)) exceeds the maximum position notional \(limit) for \(order.request.instrumentID)"
        }
    }
}
