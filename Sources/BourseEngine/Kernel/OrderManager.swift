public import BourseCore
public import OrderedCollections

/// The order manager of the kernel: every order of the run, changed only by applying its
/// events, and the ids it hands out.
///
/// Client order ids are `O-<n>`, venue order ids `V-<n>`, trade ids `T-<n>` with `n` counting
/// from 1 in creation order, so two runs of one configuration produce the same ids.
public final class OrderManager {
    /// Every order, in creation order.
    @exclusivity(unchecked) public private(set) var orders: OrderedDictionary<ClientOrderID, Order> = [:]
    private var nextClientOrder = 1
    private var nextVenueOrder = 1
    private var nextTrade = 1

    public init() {}

    /// A fresh client order id.
    public func nextClientOrderID() -> ClientOrderID {
        defer { nextClientOrder += 1 }
        return Self.makeID("O-", nextClientOrder)
    }

    func nextVenueOrderID() -> VenueOrderID {
        defer { nextVenueOrder += 1 }
        return Self.makeID("V-", nextVenueOrder)
    }

    func nextTradeID() -> TradeID {
        defer { nextTrade += 1 }
        return Self.makeID("T-", nextTrade)
    }

    /// The order with this id.
    public func order(_ id: ClientOrderID) -> Order? { orders[id] }

    /// Orders not closed yet, in creation order.
    public var openOrders: [Order] { orders.values.filter { !$0.isClosed } }

    /// Adds a new order (from its initialized event).
    func add(_ initialized: OrderInitialized) throws(EngineError) {
        guard orders[initialized.clientOrderID] == nil else {
            throw .orderState("duplicate client order id \(initialized.clientOrderID)")
        }
        orders[initialized.clientOrderID] = Order(initialized)
    }

    /// Applies an event to its order.
    @discardableResult
    func apply(_ event: OrderEvent) throws(EngineError) -> Order {
        guard let index = orders.index(forKey: event.clientOrderID) else {
            throw .orderState("event \(event.kind) for unknown order \(event.clientOrderID)")
        }
        do { try orders.values[index].apply(event) } catch { throw .orderState("\(error)") }
        return orders.values[index]
    }

    private static func makeID<Kind>(_ prefix: String, _ n: Int) -> Identifier<Kind> {
        // Prefix + decimal digits: always a valid identifier.
        (try? Identifier<Kind>(prefix + String(n))) ?? (try? Identifier<Kind>("X"))!
    }
}
