/// The payloads made of the header and the order's venue ids only — ``OrderCanceled``,
/// ``OrderExpired``, ``OrderTriggered``, ``OrderPendingUpdate``, ``OrderPendingCancel`` —
/// so that a venue builds any of them the same way.
public protocol VenueStatusEvent: OrderEventFields, Hashable {
    var venueOrderID: VenueOrderID? { get }
    var accountID: AccountID? { get }

    init(
        clientOrderID: ClientOrderID, strategyID: StrategyID, instrumentID: InstrumentID,
        venueOrderID: VenueOrderID?, accountID: AccountID?, tsEvent: UnixNanos, tsInit: UnixNanos?)
}
