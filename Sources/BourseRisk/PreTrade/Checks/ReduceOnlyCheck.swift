/// In reduce-only mode (configured or set by the kill switch), and for orders flagged reduce-only,
/// an order may only move the position toward zero: at most the open position on the other side.
/// Reduces an order that would flip the position when the configuration allows it.
public struct ReduceOnlyCheck: PreTradeCheck {
    public static let name = RiskCheckName.reduceOnly
    /// Whether reduce-only mode is on for every order.
    public internal(set) var isActive: Bool
    public let reduces: Bool

    public init(isActive: Bool, reduces: Bool) {
        self.isActive = isActive
        self.reduces = reduces
    }

    public func evaluate(_ order: PreTradeOrder, portfolio: PortfolioSnapshot) -> CheckOutcome {
        guard isActive || order.request.reduceOnly else { return .pass }
        let position = order.positionRaw
        let maxRaw = order.sign * position < 0 ? Int64(position.magnitude) : 0
        return .limit(order.quantityRaw, max: maxRaw, reduces: reduces) {
            "\(isActive ? "reduce-only mode" : "reduce-only order"): \(order.request.side) \(order.quantity) "
                + "with position \(order.state.positionText) may reduce it by at most \(order.text(quantityRaw: maxRaw))"
        }
    }
}
