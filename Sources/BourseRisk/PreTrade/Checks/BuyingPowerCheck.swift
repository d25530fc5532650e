import BourseCore

/// Orders adding exposure need the notional of the part that adds exposure (the part closing an
/// opposite position frees cash), plus the taker fee on it (rounded up, as the account locks it),
/// within free cash × leverage, all in the portfolio's base currency. Reduces when configured.
public struct BuyingPowerCheck: PreTradeCheck {
    public static let name = RiskCheckName.buyingPower
    public let limit: BuyingPowerLimit
    public let reduces: Bool

    public init(_ limit: BuyingPowerLimit, reduces: Bool) {
        self.limit = limit
        self.reduces = reduces
    }

    public func evaluate(_ order: PreTradeOrder, portfolio: PortfolioSnapshot) -> CheckOutcome {
        guard order.increasesExposure else { return .pass }
        guard let price = order.referencePrice else { return .deny(reason: order.noPriceReason("the cash the order needs")) }
        let power = RiskMath.fraction(limit.leverage, of: portfolio.freeCash.raw)
        let fee = limit.includeFees ? order.state.profile.instrument.takerFee : nil
        // The part closing an opposite position frees cash rather than using it.
        let closing = order.sign * order.positionRaw < 0 ? Int64(order.positionRaw.magnitude) : 0
        let added = order.quantityRaw - min(closing, order.quantityRaw)
        return order.valueLimit(covering: added, limitRaw: power, price: price, fee: fee, reduces: reduces, orderCap: { closing &+ $0 }) {
            let cost = RiskMath.cost(quantityRaw: added, price: price, state: order.state, fee: fee) ?? .max
            return "order needs \(portfolio.text(moneyRaw: cost)) (\(order.text(quantityRaw: added)) at \(price)"
                + "\(fee.map { " + taker fee \($0)" } ?? "")), more than the buying power \(portfolio.text(moneyRaw: power)) "
                + "(free cash \(portfolio.freeCash) × leverage \(limit.leverage))"
        }
    }
}
