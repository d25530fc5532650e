import BourseCore

/// The projected position (this order and the other open orders on its side filled) at most the
/// maximum in absolute terms. Orders that reduce the position pass. Reduces when configured.
public struct MaxPositionQuantityCheck: PreTradeCheck {
    public static let name = RiskCheckName.maxPositionQuantity
    let limits: ResolvedSizeLimits
    public let reduces: Bool

    public init(_ limits: SizeLimits, reduces: Bool) {
        self.limits = ResolvedSizeLimits(limits)
        self.reduces = reduces
    }

    public func evaluate(_ order: PreTradeOrder, portfolio: PortfolioSnapshot) -> CheckOutcome {
        guard order.increasesExposure, let capRaw = order.limits.positionQuantityRaw else { return .pass }
        return .limit(order.quantityRaw, max: order.orderQuantityCap(forPositionCap: capRaw), reduces: reduces) {
            "projected position \(order.text(quantityRaw: order.projectedPositionRaw)) (position \(order.state.positionText), "
                + "open orders and \(order.request.side) \(order.quantity)) exceeds the maximum position "
                + "\(limits.quantity(for: order.instrument)?.limit.description ?? "?") for \(order.request.instrumentID)"
        }
    }
}
