/// Where an order is in its life. Changes only through ``Order/apply(_:)`` and the
/// transition table in `Order+StateMachine.swift`.
public enum OrderStatus: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Created locally, not yet sent.
    case initialized
    /// Refused before leaving Bourse (risk engine). Terminal.
    case denied
    /// Sent to the venue, not yet acknowledged.
    case submitted
    /// Acknowledged and working at the venue.
    case accepted
    /// Refused by the venue. Terminal.
    case rejected
    /// Canceled. Terminal (a late fill is still accepted, as venues can report one).
    case canceled
    /// Expired by its time in force. Terminal (a late fill is still accepted).
    case expired
    /// A stop or if-touched order whose trigger was hit; now working as its limit part.
    case triggered
    /// A modification was requested and is not yet confirmed.
    case pendingUpdate
    /// A cancel was requested and is not yet confirmed.
    case pendingCancel
    /// Some, not all, of the quantity is filled; the rest is working.
    case partiallyFilled
    /// The whole quantity is filled. Terminal.
    case filled

    /// Whether no further event except a late fill can change the order.
    public var isClosed: Bool {
        switch self {
        case .denied, .rejected, .canceled, .expired, .filled: true
        case .initialized, .submitted, .accepted, .triggered, .pendingUpdate, .pendingCancel, .partiallyFilled: false
        }
    }

    /// Whether the order is (or may be) working at the venue.
    public var isOpen: Bool {
        switch self {
        case .submitted, .accepted, .triggered, .pendingUpdate, .pendingCancel, .partiallyFilled: true
        case .initialized, .denied, .rejected, .canceled, .expired, .filled: false
        }
    }

    /// Whether a modification or cancel request is in flight.
    public var isPending: Bool { self == .pendingUpdate || self == .pendingCancel }

    public var description: String {
        switch self {
        case .initialized: "INITIALIZED"
        case .denied: "DENIED"
        case .submitted: "SUBMITTED"
        case .accepted: "ACCEPTED"
        case .rejected: "REJECTED"
        case .canceled: "CANCELED"
        case .expired: "EXPIRED"
        case .triggered: "TRIGGERED"
        case .pendingUpdate: "PENDING_UPDATE"
        case .pendingCancel: "PENDING_CANCEL"
        case .partiallyFilled: "PARTIALLY_FILLED"
        case .filled: "FILLED"
        }
    }
}
