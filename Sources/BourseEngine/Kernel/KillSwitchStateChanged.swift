public import BourseCore
public import BourseRisk

/// A change of the kernel's kill switch, published on ``Kernel/killSwitchEvents`` (for the
/// journal's audit trail and any operator display): who or what changed it, why, and what the
/// kernel did about it.
public struct KillSwitchStateChanged: Sendable, Hashable {
    /// A trip (by which trigger) or an operator's reset.
    public enum Change: Sendable, Hashable {
        case triggered(KillSwitchTrigger)
        case reset
    }

    public let change: Change
    /// The operator for a manual trip or a reset; `kernel` for a trigger the kernel evaluated;
    /// the venue for a disconnection.
    public let who: String
    /// The reason: the limit and the values for a trigger, the operator's words otherwise.
    public let why: String
    /// The actions carried out, in order (``KillSwitchAction/resumeTrading`` for a reset).
    public let actions: [KillSwitchAction]
    /// The open orders the kernel asked the venue to cancel (and sized orders dropped before
    /// they were sent), in order.
    public let canceledOrders: [ClientOrderID]
    /// The reduce-only market orders the kernel sent to close every open position.
    public let flatteningOrders: [ClientOrderID]
    /// The kernel clock's time of the change.
    public let ts: UnixNanos

    public init(
        change: Change, who: String, why: String, actions: [KillSwitchAction], canceledOrders: [ClientOrderID] = [],
        flatteningOrders: [ClientOrderID] = [], ts: UnixNanos
    ) {
        self.change = change
        self.who = who
        self.why = why
        self.actions = actions
        self.canceledOrders = canceledOrders
        self.flatteningOrders = flatteningOrders
        self.ts = ts
    }
}

extension KillSwitchStateChanged {
    /// What happened, for the audit trail: the change, the actions carried out and the orders
    /// they touched (e.g. `triggered by drawdown: stop-new-orders, cancel-all-orders; canceled O-3`).
    public var auditAction: String {
        var text: String
        switch change {
        case .triggered(let trigger): text = "triggered by \(trigger)"
        case .reset: text = "reset"
        }
        text += ": " + actions.map(\.rawValue).joined(separator: ", ")
        if !canceledOrders.isEmpty { text += "; canceled " + canceledOrders.map(\.description).joined(separator: ", ") }
        if !flatteningOrders.isEmpty { text += "; flattening " + flatteningOrders.map(\.description).joined(separator: ", ") }
        return text
    }
}
