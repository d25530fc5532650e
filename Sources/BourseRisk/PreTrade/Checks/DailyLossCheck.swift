import BourseCore

/// Once the loss since the start of the day (start-of-day equity − equity, realized + unrealized)
/// reaches the limit, orders adding exposure are denied; orders reducing it pass. A fraction
/// limit with a start-of-day equity ≤ 0 cannot be applied: orders adding exposure are denied.
public struct DailyLossCheck: PreTradeCheck {
    public static let name = RiskCheckName.dailyLoss
    public let limit: LossLimit

    public init(_ limit: LossLimit) { self.limit = limit }

    public func evaluate(_ order: PreTradeOrder, portfolio: PortfolioSnapshot) -> CheckOutcome {
        limit.outcome(
            for: order, what: "daily loss", reference: portfolio.startOfDayEquity, referenceName: "start-of-day equity",
            current: portfolio.equity)
    }
}
