public import BourseCore

/// The risk engine's verdict on one order command: a fact the kernel publishes and journals.
public struct RiskDecision: Sendable, Hashable, Codable {
    /// Approved as is, approved at a smaller quantity, or denied.
    public enum Outcome: Sendable, Hashable, Codable {
        case approved
        /// Approved at `quantity` (for a modify: the order's new total quantity), reduced by `adjustments` in order.
        case modified(quantity: Quantity, adjustments: [RiskAdjustment])
        case denied(RiskDenial)
    }

    public let action: RiskRequest.Action
    public let clientOrderID: ClientOrderID
    public let instrumentID: InstrumentID
    public let outcome: Outcome
    /// When the decision was taken (the command's time).
    public let ts: UnixNanos

    public init(
        action: RiskRequest.Action, clientOrderID: ClientOrderID, instrumentID: InstrumentID, outcome: Outcome,
        ts: UnixNanos
    ) {
        self.action = action
        self.clientOrderID = clientOrderID
        self.instrumentID = instrumentID
        self.outcome = outcome
        self.ts = ts
    }

    /// Whether the command may go on to the venue (approved or modified).
    public var isApproved: Bool {
        if case .denied = outcome { return false }
        return true
    }

    /// The denial, when denied.
    public var denial: RiskDenial? {
        if case .denied(let denial) = outcome { return denial }
        return nil
    }
}

/// A quantity reduction made by one check.
public struct RiskAdjustment: Sendable, Hashable, Codable, CustomStringConvertible {
    public let check: RiskCheckName
    public let from: Quantity
    public let to: Quantity
    /// The limit and values that forced the reduction.
    public let reason: String

    public var description: String { "\(check): \(from) → \(to): \(reason)" }
}

/// Why an order command was denied: the check and a reason naming the limit and the values.
public struct RiskDenial: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    public let check: RiskCheckName
    public let reason: String

    public init(check: RiskCheckName, reason: String) {
        self.check = check
        self.reason = reason
    }

    public var description: String { "denied by \(check): \(reason)" }
}
