public import BourseCore

/// A change of the kill switch's state, kept in its history (and journaled by the kernel).
public enum KillSwitchEvent: Sendable, Hashable, Codable {
    /// Tripped by `trigger`; `reason` names the limit and the values (or who pulled it, for manual).
    case triggered(trigger: KillSwitchTrigger, reason: String, ts: UnixNanos)
    /// Reset by an operator, who said why.
    case reset(operatorName: String, reason: String, ts: UnixNanos)
}
