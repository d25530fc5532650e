public import BourseCore

/// What tripped the kill switch.
public enum KillSwitchTrigger: Sendable, Hashable, Codable, CustomStringConvertible {
    case dailyLoss
    case drawdown
    case venueDisconnected(Venue)
    case staleMarketData
    case errorRate
    case manual
    /// Evaluating a trigger failed (missing or inconsistent inputs): fail safe.
    case evaluationFailure

    public var description: String {
        switch self {
        case .dailyLoss: "daily loss"
        case .drawdown: "drawdown"
        case .venueDisconnected(let venue): "venue \(venue.value) disconnected"
        case .staleMarketData: "stale market data"
        case .errorRate: "error rate"
        case .manual: "manual"
        case .evaluationFailure: "evaluation failure"
        }
    }
}
