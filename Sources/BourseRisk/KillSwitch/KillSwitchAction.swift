/// A command the kill switch returns for the kernel to carry out.
public enum KillSwitchAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// Stop new orders: the risk engine goes reduce-only (``RiskEngine/setReduceOnly(_:)``).
    case stopNewOrders = "stop-new-orders"
    /// Cancel every open order.
    case cancelAllOrders = "cancel-all-orders"
    /// Close every open position at market.
    case flattenAllPositions = "flatten-all-positions"
    /// After an operator reset: leave reduce-only mode.
    case resumeTrading = "resume-trading"
}
