import BourseCore

/// The order's quantity at most the instrument's (or the default) maximum; reduces when configured.
public struct MaxOrderQuantityCheck: PreTradeCheck {
    public static let name = RiskCheckName.maxOrderQuantity
    let limits: ResolvedSizeLimits
    public let reduces: Bool

    public init(_ limits: SizeLimits, reduces: Bool) {
        self.limits = ResolvedSizeLimits(limits)
        self.reduces = reduces
    }

    public func evaluate(_ order: PreTradeOrder, portfolio: PortfolioSnapshot) -> CheckOutcome {
        guard let maxRaw = order.limits.orderQuantityRaw else { return .pass }
        return .limit(order.quantityRaw, max: maxRaw, reduces: reduces) {
            "order quantity \(order.quantity) exceeds the maximum order quantity "
                + "\(limits.quantity(for: order.instrument)?.limit.description ?? "?") for \(order.request.instrumentID)"
        }
    }
}
