import BourseCore

/// Once the drawdown from the equity peak (peak − equity) reaches the limit, orders adding
/// exposure are denied; orders reducing it pass.
public struct DrawdownCheck: PreTradeCheck {
    public static let name = RiskCheckName.drawdown
    public let limit: LossLimit

    public init(_ limit: LossLimit) { self.limit = limit }

    public func evaluate(_ order: PreTradeOrder, portfolio: PortfolioSnapshot) -> CheckOutcome {
        guard order.increasesExposure,
            let reason = limit.breach(
                what: "drawdown", reference: portfolio.peakEquity, referenceName: "peak equity", current: portfolio.equity)
        else { return .pass }
        return .deny(reason: reason)
    }
}
