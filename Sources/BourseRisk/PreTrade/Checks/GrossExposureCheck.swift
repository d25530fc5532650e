public import BourseCore

/// Σ |position value| after the order at most `maxFraction × equity`; reduces when configured.
public struct GrossExposureCheck: PreTradeCheck {
    public static let name = RiskCheckName.grossExposure
    public let maxFraction: Rate
    public let reduces: Bool

    public init(maxFraction: Rate, reduces: Bool) {
        self.maxFraction = maxFraction
        self.reduces = reduces
    }

    public func evaluate(_ order: PreTradeOrder, portfolio: PortfolioSnapshot) -> CheckOutcome {
        guard order.increasesExposure else { return .pass }
        return ExposureLimit(tag: nil, fraction: maxFraction)
            .evaluate(order, portfolio: portfolio, aggregateRaw: portfolio.grossExposureRaw, reduces: reduces)
    }
}
