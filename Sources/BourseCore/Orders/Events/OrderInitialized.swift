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
///
/// The parameters live behind one immutable reference: they travel with the order through the
/// command, the order manager's book, the venue's record and the ``OrderEvent/initialized(_:)``
/// event, and copying them is then one retain instead of 340 bytes. Equality and hashing compare
/// the parameters, not the reference.
public struct OrderInitialized: OrderEventFields, Hashable {
    private let storage: Storage

    /// The order's ids; `tsEvent` = `tsInit`, the order's creation.
    public var header: OrderEventHeader { storage.fields.header }
    public var side: OrderSide { storage.fields.side }
    public var type: OrderType { storage.fields.type }
    public var quantity: Quantity { storage.fields.quantity }
    public var price: Price? { storage.fields.price }
    public var triggerPrice: Price? { storage.fields.triggerPrice }
    public var trailingOffset: TrailingOffset? { storage.fields.trailingOffset }
    public var timeInForce: TimeInForce { storage.fields.timeInForce }
    /// The order must only add liquidity (rejected rather than crossing the spread).
    public var postOnly: Bool { storage.fields.postOnly }
    /// The order may only reduce an existing position.
    public var reduceOnly: Bool { storage.fields.reduceOnly }
    public var links: OrderLinks { storage.fields.links }

    /// The parameters, by value.
    private struct Fields: Sendable, Hashable {
        let header: OrderEventHeader
        let side: OrderSide
        let type: OrderType
        let quantity: Quantity
        let price: Price?
        let triggerPrice: Price?
        let trailingOffset: TrailingOffset?
        let timeInForce: TimeInForce
        let postOnly: Bool
        let reduceOnly: Bool
        let links: OrderLinks
    }

    /// The one allocation of an order's parameters.
    private final class Storage: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) { storage.fields.hash(into: &hasher) }

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
        storage = Storage(Fields(
            header: OrderEventHeader(
                clientOrderID: clientOrderID, strategyID: strategyID, instrumentID: instrumentID, tsEvent: tsInit),
            side: side, type: type, quantity: quantity, price: price, triggerPrice: triggerPrice,
            trailingOffset: trailingOffset, timeInForce: timeInForce, postOnly: postOnly, reduceOnly: reduceOnly,
            links: links))
    }
}

extension OrderInitialized: CustomReflectable {
    /// The parameters as fields (as if stored inline), so debug output shows them, not the storage.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "header": header, "side": side, "type": type, "quantity": quantity, "price": price as Any,
                "triggerPrice": triggerPrice as Any, "trailingOffset": trailingOffset as Any,
                "timeInForce": timeInForce, "postOnly": postOnly, "reduceOnly": reduceOnly, "links": links,
            ] as KeyValuePairs<String, Any>,
            displayStyle: .struct)
    }
}
