/// No order opening a new position when `maxOpenPositions` positions are already open.
public struct MaxOpenPositionsCheck: PreTradeCheck {
    public static let name = RiskCheckName.maxOpenPositions
    public let maxOpenPositions: Int

    public init(_ maxOpenPositions: Int) { self.maxOpenPositions = maxOpenPositions }

    public func evaluate(_ order: PreTradeOrder, portfolio: PortfolioSnapshot) -> CheckOutcome {
        guard order.positionRaw == 0, portfolio.openPositionCount >= maxOpenPositions else { return .pass }
        return .deny(
            reason: "\(portfolio.openPositionCount) open positions reach the maximum of \(maxOpenPositions): "
                + "cannot open a position in \(order.request.instrumentID)")
    }
}
