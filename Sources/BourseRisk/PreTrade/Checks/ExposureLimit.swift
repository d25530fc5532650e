import BourseCore

/// The shared rule of the exposure checks (gross, per tag): the aggregate |position value| after
/// the order — the other instruments at their last prices plus this instrument's projected
/// position at the order's reference price — at most `fraction × equity`.
///
/// Fail safe: with equity ≤ 0, an open position without a price or an order without a
/// reference price, an order adding exposure is denied.
struct ExposureLimit {
    /// The tag limited, `nil` for the gross exposure.
    let tag: String?
    let fraction: Rate

    /// What is limited, for messages (built only when a message is).
    private func what() -> String { tag.map { "exposure to tag '\($0)'" } ?? "gross exposure" }

    func evaluate(_ order: PreTradeOrder, portfolio: PortfolioSnapshot, aggregateRaw: Int64, reduces: Bool) -> CheckOutcome {
        guard portfolio.equity.raw > 0 else {
            return .deny(reason: "equity \(portfolio.equity) is not positive: no \(what()) limit of \(fraction) × equity can be met")
        }
        guard portfolio.unpricedPositionCount == 0 else {
            return .deny(reason: "\(portfolio.unpricedPositionCount) open positions have no price: \(what()) cannot be measured")
        }
        guard let price = order.referencePrice else { return .deny(reason: order.noPriceReason(what())) }
        let limitRaw = RiskMath.fraction(fraction, of: portfolio.equity.raw)
        let othersRaw = aggregateRaw - order.state.markValueRaw.magnitudeClamped
        return order.valueLimit(
            covering: order.sign &* order.projectedPositionRaw, limitRaw: limitRaw - othersRaw, price: price, reduces: reduces,
            orderCap: { order.orderQuantityCap(forPositionCap: $0) }
        ) {
            let value = order.state.valueRaw(quantityRaw: order.projectedPositionRaw, price: price) ?? .max
            let after = Int128(othersRaw) + Int128(value)
            return "\(what()) after the order \(portfolio.text(moneyRaw: RiskMath.clamp(after))) exceeds the limit "
                + "\(portfolio.text(moneyRaw: limitRaw)) (\(fraction) × equity \(portfolio.equity))"
        }
    }
}
