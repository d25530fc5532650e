/// Which request a ``RequestRefusal`` refuses (a type with no values: it only makes each
/// refusal a distinct payload type).
public protocol RefusedRequest: Sendable {}

/// One payload shape for the venue's refusals of a request on an order; each refusal is its
/// own type (``OrderModifyRejected`` = `RequestRefusal<Modify>`, …).
public struct RequestRefusal<Request: RefusedRequest>: RequestRefusalEvent {
    public let header: OrderEventHeader
    public let venueOrderID: VenueOrderID?
    public let accountID: AccountID?
    public let reason: String

    /// The event; `tsInit` defaults to `tsEvent`.
    public init(
        clientOrderID: ClientOrderID,
        strategyID: StrategyID,
        instrumentID: InstrumentID,
        venueOrderID: VenueOrderID? = nil,
        accountID: AccountID? = nil,
        reason: String,
        tsEvent: UnixNanos,
        tsInit: UnixNanos? = nil
    ) {
        header = OrderEventHeader(
            clientOrderID: clientOrderID, strategyID: strategyID, instrumentID: instrumentID, tsEvent: tsEvent, tsInit: tsInit)
        self.venueOrderID = venueOrderID
        self.accountID = accountID
        self.reason = reason
    }
}

/// The requests a ``RequestRefusal`` refuses.
public enum RefusedRequests {
    public enum Modify: RefusedRequest {}
    public enum Cancel: RefusedRequest {}
}

/// The venue refused a modification; the order goes back to its status before the request.
public typealias OrderModifyRejected = RequestRefusal<RefusedRequests.Modify>
/// The venue refused a cancel; the order goes back to its status before the request.
public typealias OrderCancelRejected = RequestRefusal<RefusedRequests.Cancel>
