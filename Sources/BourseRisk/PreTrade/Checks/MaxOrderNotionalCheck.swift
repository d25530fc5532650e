import BourseCore

/// The order's notional at its reference price (limit, else trigger, else last), in the
/// portfolio's base currency, at most the maximum; reduces when configured. An order with no
/// reference price is denied.
public struct MaxOrderNotionalCheck: PreTradeCheck {
    public static let name = RiskCheckName.maxOrderNotional
    let limits: ResolvedSizeLimits
    public let reduces: Bool

    public init(_ limits: SizeLimits, reduces: Bool) {
        self.limits = ResolvedSizeLimits(limits)
        self.reduces = reduces
    }

    public func evaluate(_ order: PreTradeOrder, portfolio: PortfolioSnapshot) -> CheckOutcome {
        guard let limitRaw = order.limits.orderNotionalRaw else { return .pass }
        guard let price = order.referencePrice else { return .deny(reason: order.noPriceReason("the order notional")) }
        return order.valueLimit(covering: order.quantityRaw, limitRaw: limitRaw, price: price, reduces: reduces, orderCap: { $0 }) {
            let notional = order.state.valueRaw(quantityRaw: order.quantityRaw, price: price) ?? .max
            return "order notional \(portfolio.text(moneyRaw: notional)) (\(order.quantity) at \(price)) exceeds the maximum "
                + "order notional \(portfolio.text(moneyRaw: limitRaw)) for \(order.request.instrumentID)"
        }
    }
}

extension PreTradeOrder {
    func noPriceReason(_ what: String) -> String {
        "no limit, trigger or last price for \(request.instrumentID) to value \(what)"
    }
}
