/// Every fact that can happen to an order: one closed enum, so a `switch` over
/// order events is checked for completeness by the compiler.
public enum OrderEvent: Sendable, Hashable {
    case initialized(OrderInitialized)
    case denied(OrderDenied)
    case submitted(OrderSubmitted)
    case accepted(OrderAccepted)
    case rejected(OrderRejected)
    case canceled(OrderCanceled)
    case expired(OrderExpired)
    case triggered(OrderTriggered)
    case pendingUpdate(OrderPendingUpdate)
    case pendingCancel(OrderPendingCancel)
    case modifyRejected(OrderModifyRejected)
    case cancelRejected(OrderCancelRejected)
    case updated(OrderUpdated)
    case filled(OrderFilled)

    /// The event's kind, without its payload (the state machine's input).
    public var kind: OrderEventKind {
        switch self {
        case .initialized: .initialized
        case .denied: .denied
        case .submitted: .submitted
        case .accepted: .accepted
        case .rejected: .rejected
        case .canceled: .canceled
        case .expired: .expired
        case .triggered: .triggered
        case .pendingUpdate: .pendingUpdate
        case .pendingCancel: .pendingCancel
        case .modifyRejected: .modifyRejected
        case .cancelRejected: .cancelRejected
        case .updated: .updated
        case .filled: .filled
        }
    }

    /// The fields every event has (a switch over the cases: no existential, no copy of the payload).
    @inlinable
    public var header: OrderEventHeader {
        switch self {
        case .initialized(let e): e.header
        case .denied(let e): e.header
        case .submitted(let e): e.header
        case .accepted(let e): e.header
        case .rejected(let e): e.header
        case .canceled(let e): e.header
        case .expired(let e): e.header
        case .triggered(let e): e.header
        case .pendingUpdate(let e): e.header
        case .pendingCancel(let e): e.header
        case .modifyRejected(let e): e.header
        case .cancelRejected(let e): e.header
        case .updated(let e): e.header
        case .filled(let e): e.header
        }
    }

    /// The header and the kind from one switch: one copy of the payload instead of one per
    /// property read (for the order path, which needs both for every event).
    @inlinable
    package var headerAndKind: (header: OrderEventHeader, kind: OrderEventKind) {
        switch self {
        case .initialized(let e): (e.header, .initialized)
        case .denied(let e): (e.header, .denied)
        case .submitted(let e): (e.header, .submitted)
        case .accepted(let e): (e.header, .accepted)
        case .rejected(let e): (e.header, .rejected)
        case .canceled(let e): (e.header, .canceled)
        case .expired(let e): (e.header, .expired)
        case .triggered(let e): (e.header, .triggered)
        case .pendingUpdate(let e): (e.header, .pendingUpdate)
        case .pendingCancel(let e): (e.header, .pendingCancel)
        case .modifyRejected(let e): (e.header, .modifyRejected)
        case .cancelRejected(let e): (e.header, .cancelRejected)
        case .updated(let e): (e.header, .updated)
        case .filled(let e): (e.header, .filled)
        }
    }

    /// The payload as an existential, for code generic over payloads (prefer ``header`` on hot paths).
    public var fields: any OrderEventFields {
        switch self {
        case .initialized(let e): e
        case .denied(let e): e
        case .submitted(let e): e
        case .accepted(let e): e
        case .rejected(let e): e
        case .canceled(let e): e
        case .expired(let e): e
        case .triggered(let e): e
        case .pendingUpdate(let e): e
        case .pendingCancel(let e): e
        case .modifyRejected(let e): e
        case .cancelRejected(let e): e
        case .updated(let e): e
        case .filled(let e): e
        }
    }

    @inlinable public var clientOrderID: ClientOrderID { header.clientOrderID }
    @inlinable public var strategyID: StrategyID { header.strategyID }
    @inlinable public var instrumentID: InstrumentID { header.instrumentID }
    @inlinable public var tsEvent: UnixNanos { header.tsEvent }
    @inlinable public var tsInit: UnixNanos { header.tsInit }
}

/// The kinds of ``OrderEvent``, in declaration order.
public enum OrderEventKind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case initialized, denied, submitted, accepted, rejected, canceled, expired, triggered
    case pendingUpdate, pendingCancel, modifyRejected, cancelRejected, updated, filled

    public var description: String { rawValue }
}
