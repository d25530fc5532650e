public import BourseCore

/// The kind of a journal record, with the one-byte code it is stored under.
///
/// The codes are the schema: they never change meaning; new kinds take new codes.
public enum JournalEntryKind: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case sessionStart = 0x01
    case submitOrder = 0x10, submitOrderList, modifyOrder, cancelOrder, cancelAllOrders
    case orderInitialized = 0x20, orderDenied, orderSubmitted, orderAccepted, orderRejected, orderCanceled
    case orderExpired, orderTriggered, orderPendingUpdate, orderPendingCancel, orderModifyRejected
    case orderCancelRejected, orderUpdated, orderFilled
    case marketData = 0x30
    case auditRiskDecision = 0x40, auditKillSwitch, auditConfigurationChange, auditOperatorCommand, auditRecovery

    /// The kind of an order event record.
    public static func event(_ kind: OrderEventKind) -> JournalEntryKind {
        switch kind {
        case .initialized: .orderInitialized
        case .denied: .orderDenied
        case .submitted: .orderSubmitted
        case .accepted: .orderAccepted
        case .rejected: .orderRejected
        case .canceled: .orderCanceled
        case .expired: .orderExpired
        case .triggered: .orderTriggered
        case .pendingUpdate: .orderPendingUpdate
        case .pendingCancel: .orderPendingCancel
        case .modifyRejected: .orderModifyRejected
        case .cancelRejected: .orderCancelRejected
        case .updated: .orderUpdated
        case .filled: .orderFilled
        }
    }

    /// The kind of an audit record.
    public static func audit(_ category: AuditEntry.Category) -> JournalEntryKind {
        switch category {
        case .riskDecision: .auditRiskDecision
        case .killSwitch: .auditKillSwitch
        case .configurationChange: .auditConfigurationChange
        case .operatorCommand: .auditOperatorCommand
        case .recovery: .auditRecovery
        }
    }

    /// The name used on the command line and in listings (`order-filled`, `risk-decision`).
    public var description: String {
        switch self {
        case .sessionStart: "session-start"
        case .submitOrder: "submit-order"
        case .submitOrderList: "submit-order-list"
        case .modifyOrder: "modify-order"
        case .cancelOrder: "cancel-order"
        case .cancelAllOrders: "cancel-all-orders"
        case .orderInitialized: "order-initialized"
        case .orderDenied: "order-denied"
        case .orderSubmitted: "order-submitted"
        case .orderAccepted: "order-accepted"
        case .orderRejected: "order-rejected"
        case .orderCanceled: "order-canceled"
        case .orderExpired: "order-expired"
        case .orderTriggered: "order-triggered"
        case .orderPendingUpdate: "order-pending-update"
        case .orderPendingCancel: "order-pending-cancel"
        case .orderModifyRejected: "order-modify-rejected"
        case .orderCancelRejected: "order-cancel-rejected"
        case .orderUpdated: "order-updated"
        case .orderFilled: "order-filled"
        case .marketData: "market-data"
        case .auditRiskDecision: AuditEntry.Category.riskDecision.rawValue
        case .auditKillSwitch: AuditEntry.Category.killSwitch.rawValue
        case .auditConfigurationChange: AuditEntry.Category.configurationChange.rawValue
        case .auditOperatorCommand: AuditEntry.Category.operatorCommand.rawValue
        case .auditRecovery: AuditEntry.Category.recovery.rawValue
        }
    }

    /// The kind with this name (see ``description``).
    public init?(name: String) {
        guard let kind = Self.allCases.first(where: { $0.description == name }) else { return nil }
        self = kind
    }

    /// Whether the record is part of the audit trail proper (decisions and actions).
    public var isAudit: Bool { rawValue >= 0x40 }
}
