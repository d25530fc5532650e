public import BourseCore

/// |Σ signed position value| after the order at most `maxFraction × equity`. Orders that do not
/// increase |net exposure| pass. Deny only (no reduction).
public struct NetExposureCheck: PreTradeCheck {
    public static let name = RiskCheckName.netExposure
    public let maxFraction: Rate

    public init(maxFraction: Rate) { self.maxFraction = maxFraction }

    public func evaluate(_ order: PreTradeOrder, portfolio: PortfolioSnapshot) -> CheckOutcome {
        guard order.increasesExposure else { return .pass }
        guard portfolio.equity.raw > 0, portfolio.unpricedPositionCount == 0 else {
            return .deny(reason: "net exposure cannot be checked: equity \(portfolio.equity), \(portfolio.unpricedPositionCount) unpriced positions")
        }
        guard let price = order.referencePrice else { return .deny(reason: order.noPriceReason("net exposure")) }
        guard let value = order.state.valueRaw(quantityRaw: order.projectedPositionRaw, price: price), value != .max else {
            return .deny(reason: "the projected position value of \(order.request.instrumentID) overflows")
        }
        let signed = order.projectedPositionRaw < 0 ? -Int128(value) : Int128(value)
        let after = Int128(portfolio.netExposureRaw) - Int128(order.state.markValueRaw) + signed
        let limitRaw = RiskMath.fraction(maxFraction, of: portfolio.equity.raw)
        guard after.magnitude > UInt128(limitRaw), after.magnitude > Int128(portfolio.netExposureRaw).magnitude else {
            return .pass
        }
        return .deny(
            reason: "net exposure after the order \(portfolio.text(moneyRaw: RiskMath.clamp(after))) exceeds the limit "
                + "±\(portfolio.text(moneyRaw: limitRaw)) (\(maxFraction) × equity \(portfolio.equity))")
    }
}
