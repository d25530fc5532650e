public import BourseCore

/// A decision or action a person or the system must be able to account for later: who did
/// what, and why. Audit entries travel in the same hash-chained journal as orders and fills.
public struct AuditEntry: Sendable, Hashable {
    /// What kind of decision or action.
    public enum Category: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// A pre-trade risk check passed or refused an order.
        case riskDecision = "risk-decision"
        /// The kill switch was engaged or released.
        case killSwitch = "kill-switch"
        /// A setting changed.
        case configurationChange = "configuration-change"
        /// A person ran a command (start, stop, cancel-all, …).
        case operatorCommand = "operator-command"
        /// Startup recovery: what was restored, reconciled or repaired.
        case recovery

        public var description: String { rawValue }
    }

    public let category: Category
    /// Who: a user name, or the component that decided (`risk`, `recovery`).
    public let actor: String
    /// What happened, in words a trader can read (`approved BUY 10 GOOG.NASDAQ`).
    public let action: String
    /// Why.
    public let reason: String
    /// The order concerned, if any.
    public let clientOrderID: ClientOrderID?

    public init(category: Category, actor: String, action: String, reason: String, clientOrderID: ClientOrderID? = nil) {
        self.category = category
        self.actor = actor
        self.action = action
        self.reason = reason
        self.clientOrderID = clientOrderID
    }
}
