public import BourseCore

/// The pre-trade risk seam: every ``TradingCommand`` passes ``check(_:portfolio:)`` before
/// the order manager sees it. A denied submission becomes an `OrderDenied` event; a denied
/// modify or cancel is logged and dropped. There is no bypass.
///
/// The risk issue brings real checks; until then ``PassThroughRiskEngine`` is the default.
public protocol RiskEngine {
    /// Approves or denies `command` given the current portfolio.
    mutating func check(_ command: TradingCommand, portfolio: Portfolio) -> RiskDecision
}

/// The outcome of a risk check.
public enum RiskDecision: Sendable, Hashable {
    case approve
    case deny(reason: String)
}

/// Approves every command (the default until the risk engine lands).
public struct PassThroughRiskEngine: RiskEngine {
    public init() {}

    @inline(__always)
    public mutating func check(_ command: TradingCommand, portfolio: Portfolio) -> RiskDecision { .approve }
}
