/// Which status change an ``OrderStatusChange`` reports (a type with no values: it only makes
/// each change a distinct payload type).
public protocol OrderStatusChangeKind: Sendable {}

/// One payload shape for the status changes that carry nothing but the order's ids; each
/// change is its own type (``OrderCanceled`` = `OrderStatusChange<Canceled>`, …), so an
/// event of one kind can never be taken for another.
public struct OrderStatusChange<Kind: OrderStatusChangeKind>: VenueStatusEvent {
    public let header: OrderEventHeader
    public let venueOrderID: VenueOrderID?
    public let accountID: AccountID?

    /// The event; `tsInit` defaults to `tsEvent`.
    public init(
        clientOrderID: ClientOrderID,
        strategyID: StrategyID,
        instrumentID: InstrumentID,
        venueOrderID: VenueOrderID? = nil,
        accountID: AccountID? = nil,
        tsEvent: UnixNanos,
        tsInit: UnixNanos? = nil
    ) {
        header = OrderEventHeader(
            clientOrderID: clientOrderID, strategyID: strategyID, instrumentID: instrumentID, tsEvent: tsEvent, tsInit: tsInit)
        self.venueOrderID = venueOrderID
        self.accountID = accountID
    }
}

/// The kinds of ``OrderStatusChange``.
public enum OrderStatusChanges {
    public enum Canceled: OrderStatusChangeKind {}
    public enum Expired: OrderStatusChangeKind {}
    public enum Triggered: OrderStatusChangeKind {}
    public enum PendingUpdate: OrderStatusChangeKind {}
    public enum PendingCancel: OrderStatusChangeKind {}
}

/// The order was canceled (by request, or by the venue, e.g. the rest of an IOC).
public typealias OrderCanceled = OrderStatusChange<OrderStatusChanges.Canceled>
/// The order's time in force ran out.
public typealias OrderExpired = OrderStatusChange<OrderStatusChanges.Expired>
/// A stop or if-touched order's trigger was hit; it now works as its limit part.
public typealias OrderTriggered = OrderStatusChange<OrderStatusChanges.Triggered>
/// A modification was sent and awaits the venue's answer.
public typealias OrderPendingUpdate = OrderStatusChange<OrderStatusChanges.PendingUpdate>
/// A cancel was sent and awaits the venue's answer.
public typealias OrderPendingCancel = OrderStatusChange<OrderStatusChanges.PendingCancel>
