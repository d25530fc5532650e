/// The payloads of a venue refusing a request on an order — ``OrderModifyRejected`` and
/// ``OrderCancelRejected`` — so that a venue builds either the same way.
public protocol RequestRefusalEvent: OrderEventFields, Hashable {
    var venueOrderID: VenueOrderID? { get }
    var accountID: AccountID? { get }
    /// The venue's reason.
    var reason: String { get }

    init(
        clientOrderID: ClientOrderID, strategyID: StrategyID, instrumentID: InstrumentID,
        venueOrderID: VenueOrderID?, accountID: AccountID?, reason: String, tsEvent: UnixNanos, tsInit: UnixNanos?)
}
