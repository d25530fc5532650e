import BourseCore

/// Once the drawdown from the equity peak (peak − equity) reaches the limit, orders adding
/// exposure are denied; orders reducing it pass. A fraction limit with a peak equity ≤ 0 cannot
/// be applied: orders adding exposure are denied.
public struct DrawdownCheck: PreTradeCheck {
    public static let name = RiskCheckName.drawdown
    public let limit: LossLimit

    public init(_ limit: LossLimit) { self.limit = limit }

    public func evaluate(_ order: PreTradeOrder, portfolio: PortfolioSnapshot) -> CheckOutcome {
        limit.outcome(
            for: order, what: "drawdown", reference: portfolio.peakEquity, referenceName: "peak equity",
            current: portfolio.equity)
    }
}
