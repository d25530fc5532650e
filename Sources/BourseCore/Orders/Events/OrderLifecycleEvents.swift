// The order lifecycle events other than initialization and fills: small,
// immutable facts, each wrapped by one case of ``OrderEvent``. The fields every event
// has are in its ``OrderEventHeader`` and read through ``OrderEventFields``. The events that
// share one shape are one generic payload each: canceled, expired, triggered, pending-update
// and pending-cancel in `OrderStatusChange.swift`, modify- and cancel-rejected in
// `RequestRefusal.swift`.

/// The risk engine refused the order before it left Bourse.
public struct OrderDenied: OrderEventFields, Hashable {
    public let header: OrderEventHeader
    /// Why, in words a trader can act on.
    public let reason: String

    /// The event; `tsInit` defaults to `tsEvent`.
    public init(
        clientOrderID: ClientOrderID,
        strategyID: StrategyID,
        instrumentID: InstrumentID,
        reason: String,
        tsEvent: UnixNanos,
        tsInit: UnixNanos? = nil
    ) {
        header = OrderEventHeader(
            clientOrderID: clientOrderID, strategyID: strategyID, instrumentID: instrumentID, tsEvent: tsEvent, tsInit: tsInit)
        self.reason = reason
    }
}

/// The order was sent to the venue.
public struct OrderSubmitted: OrderEventFields, Hashable {
    public let header: OrderEventHeader
    public let accountID: AccountID

    /// The event; `tsInit` defaults to `tsEvent`.
    public init(
        clientOrderID: ClientOrderID,
        strategyID: StrategyID,
        instrumentID: InstrumentID,
        accountID: AccountID,
        tsEvent: UnixNanos,
        tsInit: UnixNanos? = nil
    ) {
        header = OrderEventHeader(
            clientOrderID: clientOrderID, strategyID: strategyID, instrumentID: instrumentID, tsEvent: tsEvent, tsInit: tsInit)
        self.accountID = accountID
    }
}

/// The venue acknowledged the order; it is working.
public struct OrderAccepted: OrderEventFields, Hashable {
    public let header: OrderEventHeader
    public let venueOrderID: VenueOrderID
    public let accountID: AccountID

    /// The event; `tsInit` defaults to `tsEvent`.
    public init(
        clientOrderID: ClientOrderID,
        strategyID: StrategyID,
        instrumentID: InstrumentID,
        venueOrderID: VenueOrderID,
        accountID: AccountID,
        tsEvent: UnixNanos,
        tsInit: UnixNanos? = nil
    ) {
        header = OrderEventHeader(
            clientOrderID: clientOrderID, strategyID: strategyID, instrumentID: instrumentID, tsEvent: tsEvent, tsInit: tsInit)
        self.venueOrderID = venueOrderID
        self.accountID = accountID
    }
}

/// The venue refused the order.
public struct OrderRejected: OrderEventFields, Hashable {
    public let header: OrderEventHeader
    public let accountID: AccountID
    /// The venue's reason.
    public let reason: String

    /// The event; `tsInit` defaults to `tsEvent`.
    public init(
        clientOrderID: ClientOrderID,
        strategyID: StrategyID,
        instrumentID: InstrumentID,
        accountID: AccountID,
        reason: String,
        tsEvent: UnixNanos,
        tsInit: UnixNanos? = nil
    ) {
        header = OrderEventHeader(
            clientOrderID: clientOrderID, strategyID: strategyID, instrumentID: instrumentID, tsEvent: tsEvent, tsInit: tsInit)
        self.accountID = accountID
        self.reason = reason
    }
}

/// The order's quantity or prices changed (confirmed by the venue, or locally before submission).
public struct OrderUpdated: OrderEventFields, Hashable {
    public let header: OrderEventHeader
    public let venueOrderID: VenueOrderID?
    public let accountID: AccountID?
    /// The new total quantity (filled part included).
    public let quantity: Quantity
    /// The new limit price; `nil` keeps the current one.
    public let price: Price?
    /// The new trigger price; `nil` keeps the current one.
    public let triggerPrice: Price?

    /// The event; `tsInit` defaults to `tsEvent`.
    public init(
        clientOrderID: ClientOrderID,
        strategyID: StrategyID,
        instrumentID: InstrumentID,
        venueOrderID: VenueOrderID? = nil,
        accountID: AccountID? = nil,
        quantity: Quantity,
        price: Price? = nil,
        triggerPrice: Price? = nil,
        tsEvent: UnixNanos,
        tsInit: UnixNanos? = nil
    ) {
        header = OrderEventHeader(
            clientOrderID: clientOrderID, strategyID: strategyID, instrumentID: instrumentID, tsEvent: tsEvent, tsInit: tsInit)
        self.venueOrderID = venueOrderID
        self.accountID = accountID
        self.quantity = quantity
        self.price = price
        self.triggerPrice = triggerPrice
    }
}
