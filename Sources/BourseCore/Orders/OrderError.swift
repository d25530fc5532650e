/// Why an order could not be built or could not take an event.
public enum OrderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The quantity is zero.
    case nonPositiveQuantity
    /// The order type needs a limit price and none was given.
    case missingPrice(OrderType)
    /// A price was given to an order type that has none.
    case unexpectedPrice(OrderType)
    /// The order type needs a trigger price and none was given.
    case missingTriggerPrice(OrderType)
    /// A trigger price was given to an order type that has none.
    case unexpectedTriggerPrice(OrderType)
    /// A trailing order without a trailing offset, or a trailing stop-limit without a limit offset.
    case missingTrailingOffset(OrderType)
    /// A trailing offset on an order type that does not trail.
    case unexpectedTrailingOffset(OrderType)
    /// A trailing offset that is not positive.
    case invalidTrailingOffset(String)
    /// Post-only on an order that cannot rest as a limit order.
    case postOnlyNotAllowed(OrderType)
    /// A time in force that the order type cannot use (e.g. a GTD market order), or a GTD expiry not after creation.
    case invalidTimeInForce(OrderType, TimeInForce, String)
    /// Contingency links that contradict each other or the order's own id.
    case invalidLinks(String)
    /// The event is not allowed in the order's current status (see the transition table).
    case invalidTransition(ClientOrderID, from: OrderStatus, event: OrderEventKind)
    /// The event belongs to another order.
    case wrongOrder(expected: ClientOrderID, got: ClientOrderID)
    /// A fill would take the filled quantity beyond the order's quantity.
    case overfill(ClientOrderID, quantity: Quantity, filled: Quantity, fill: Quantity)
    /// A fill with a trade id this order has already applied.
    case duplicateFill(ClientOrderID, TradeID)
    /// A fill whose side differs from the order's side.
    case fillSideMismatch(ClientOrderID, order: OrderSide, fill: OrderSide)
    /// A fill or update quantity, or a fill price, at a precision other than the order's.
    case precisionMismatch(ClientOrderID, String)
    /// An update that would leave the order inconsistent (quantity below the filled quantity, a missing price).
    case invalidUpdate(ClientOrderID, String)
    /// Arithmetic overflow while accumulating fills.
    case overflow(ClientOrderID)
    /// An event history to replay that does not start with ``OrderEvent/initialized(_:)``.
    case historyWithoutInitialized

    public var description: String {
        switch self {
        case .nonPositiveQuantity: "order quantity must be positive"
        case .missingPrice(let type): "a \(type) order needs a limit price"
        case .unexpectedPrice(let type): "a \(type) order has no limit price"
        case .missingTriggerPrice(let type): "a \(type) order needs a trigger price"
        case .unexpectedTriggerPrice(let type): "a \(type) order has no trigger price"
        case .missingTrailingOffset(let type): "a \(type) order needs a trailing offset (and a limit offset for stop-limits)"
        case .unexpectedTrailingOffset(let type): "a \(type) order does not trail; remove the trailing offset"
        case .invalidTrailingOffset(let reason): reason
        case .postOnlyNotAllowed(let type): "post-only needs an order that rests as a limit order, not \(type)"
        case .invalidTimeInForce(let type, let tif, let reason): "\(type) order with time in force \(tif): \(reason)"
        case .invalidLinks(let reason): "invalid contingency links: \(reason)"
        case .invalidTransition(let id, let from, let event):
            "order \(id): event \(event) is not allowed in status \(from)"
        case .wrongOrder(let expected, let got): "event for order \(got) applied to order \(expected)"
        case .overfill(let id, let quantity, let filled, let fill):
            "order \(id): fill of \(fill) on top of \(filled) filled exceeds the order quantity \(quantity)"
        case .duplicateFill(let id, let trade): "order \(id): trade \(trade) was already applied"
        case .fillSideMismatch(let id, let order, let fill): "order \(id) is a \(order) but the fill is a \(fill)"
        case .precisionMismatch(let id, let reason): "order \(id): \(reason)"
        case .invalidUpdate(let id, let reason): "order \(id): invalid update: \(reason)"
        case .overflow(let id): "order \(id): arithmetic overflow accumulating fills"
        case .historyWithoutInitialized: "an order's event history must start with `initialized`"
        }
    }
}
