public import BourseCore

/// A venue's view of one order, for status queries and reconciliation.
public struct OrderStatusReport: Sendable, Hashable {
    public let clientOrderID: ClientOrderID
    public let venueOrderID: VenueOrderID?
    public let strategyID: StrategyID
    public let instrumentID: InstrumentID
    public let side: OrderSide
    public let type: OrderType
    public let status: OrderStatus
    public let quantity: Quantity
    public let filledQuantity: Quantity
    public let price: Price?
    public let triggerPrice: Price?
    /// When the venue last changed the order.
    public let tsLast: UnixNanos

    public init(
        clientOrderID: ClientOrderID, venueOrderID: VenueOrderID?, strategyID: StrategyID, instrumentID: InstrumentID,
        side: OrderSide, type: OrderType, status: OrderStatus, quantity: Quantity, filledQuantity: Quantity,
        price: Price?, triggerPrice: Price?, tsLast: UnixNanos
    ) {
        self.clientOrderID = clientOrderID
        self.venueOrderID = venueOrderID
        self.strategyID = strategyID
        self.instrumentID = instrumentID
        self.side = side
        self.type = type
        self.status = status
        self.quantity = quantity
        self.filledQuantity = filledQuantity
        self.price = price
        self.triggerPrice = triggerPrice
        self.tsLast = tsLast
    }

    /// The report of an order as Bourse knows it (for comparing with the venue's).
    public init(_ order: Order) {
        self.init(
            clientOrderID: order.clientOrderID, venueOrderID: order.venueOrderID, strategyID: order.strategyID,
            instrumentID: order.instrumentID, side: order.side, type: order.type, status: order.status,
            quantity: order.quantity, filledQuantity: order.filledQuantity, price: order.price,
            triggerPrice: order.triggerPrice, tsLast: order.tsLast)
    }
}
