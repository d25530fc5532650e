/// The first event of every order: all of its parameters, checked.
///
/// An `OrderInitialized` value is always valid (its initializer throws otherwise),
/// so ``Order/init(_:)`` cannot fail. Rules:
/// - `quantity > 0`;
/// - `price` exactly when ``OrderType/requiresPrice`` (optional for trailing stop-limits),
///   `triggerPrice` exactly when ``OrderType/requiresTriggerPrice`` (optional for trailing stops);
/// - `trailingOffset` exactly for trailing stops, with a `limitOffset` for trailing stop-limits;
/// - post-only only on limit-style orders;
/// - market orders cannot be GTD, AT_THE_OPEN/CLOSE apply to market and limit orders only,
///   a GTD expiry must be after `tsInit`;
/// - links: a contingency other than `.none` needs linked orders; an order cannot link to itself
///   or be its own parent.
public struct OrderInitialized: OrderEventFields, Hashable {
    /// The order's ids; `tsEvent` = `tsInit`, the order's creation.
    public let header: OrderEventHeader
    public let side: OrderSide
    public let type: OrderType
    public let quantity: Quantity
    public let price: Price?
    public let triggerPrice: Price?
    public let trailingOffset: TrailingOffset?
    public let timeInForce: TimeInForce
    /// The order must only add liquidity (rejected rather than crossing the spread).
    public let postOnly: Bool
    /// The order may only reduce an existing position.
    public let reduceOnly: Bool
    public let links: OrderLinks

    /// Checked order parameters; throws the ``OrderError`` naming the broken rule.
    public init(
        clientOrderID: ClientOrderID,
        strategyID: StrategyID,
        instrumentID: InstrumentID,
        side: OrderSide,
        type: OrderType,
        quantity: Quantity,
        price: Price? = nil,
        triggerPrice: Price? = nil,
        trailingOffset: TrailingOffset? = nil,
        timeInForce: TimeInForce = .gtc,
        postOnly: Bool = false,
        reduceOnly: Bool = false,
        links: OrderLinks = .none,
        tsInit: UnixNanos
    ) throws(OrderError) {
        guard quantity.raw > 0 else { throw .nonPositiveQuantity }
        if type.requiresPrice && price == nil { throw .missingPrice(type) }
        if !type.allowsPrice && price != nil { throw .unexpectedPrice(type) }
        if type.requiresTriggerPrice && triggerPrice == nil { throw .missingTriggerPrice(type) }
        if !type.allowsTriggerPrice && triggerPrice != nil { throw .unexpectedTriggerPrice(type) }
        if type.isTrailing {
            guard let trailingOffset, type == .trailingStopMarket || trailingOffset.limitOffset != nil else {
                throw .missingTrailingOffset(type)
            }
        } else if trailingOffset != nil {
            throw .unexpectedTrailingOffset(type)
        }
        if postOnly && !type.isLimitStyle { throw .postOnlyNotAllowed(type) }
        switch timeInForce {
        case .gtd(let expiry):
            if type == .market { throw .invalidTimeInForce(type, timeInForce, "a market order cannot be good-till-date") }
            if expiry <= tsInit { throw .invalidTimeInForce(type, timeInForce, "expiry is not after the order's creation \(tsInit)") }
        case .atTheOpen, .atTheClose:
            if type != .market && type != .limit {
                throw .invalidTimeInForce(type, timeInForce, "auction orders must be market or limit orders")
            }
        case .day, .gtc, .ioc, .fok:
            break
        }
        if links.contingency != .none && links.linkedOrderIDs.isEmpty {
            throw .invalidLinks("a \(links.contingency) order needs linked orders")
        }
        if links.linkedOrderIDs.contains(clientOrderID) { throw .invalidLinks("order \(clientOrderID) links to itself") }
        if links.parentOrderID == clientOrderID { throw .invalidLinks("order \(clientOrderID) is its own parent") }
        header = OrderEventHeader(
            clientOrderID: clientOrderID, strategyID: strategyID, instrumentID: instrumentID, tsEvent: tsInit)
        self.side = side
        self.type = type
        self.quantity = quantity
        self.price = price
        self.triggerPrice = triggerPrice
        self.trailingOffset = trailingOffset
        self.timeInForce = timeInForce
        self.postOnly = postOnly
        self.reduceOnly = reduceOnly
        self.links = links
    }
}
