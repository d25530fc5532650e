public import BourseCore
public import OrderedCollections

/// Order management: Bourse's own book of orders and the entry point of every order
/// command on its way to an ``ExecutionClient``.
///
/// The order manager refuses, with a typed ``OrderManagerError`` and without changing
/// anything, the commands only Bourse's own book can judge: a reused client order id, a
/// modify or cancel of an unknown or closed order, a modification that changes nothing.
/// Everything else goes to the client, and the events the client answers with are appended
/// to the caller's `events` buffer **and** applied to the own book. Events the venue
/// produces later (fills on market data, expiries) reach the book through ``apply(_:)``.
///
/// ```swift
/// let oms = OrderManager(client: venue)
/// var events: [OrderEvent] = []
/// try oms.submit(SubmitOrder(order: order, tsInit: clock.now), events: &events)
/// venue.process(bar: bar, events: &events)
/// oms.apply(events[start...])
/// ```
///
/// Closed orders stay in the book (until ``purgeClosedOrders()``) and are found by client
/// order id with their whole history. The book keeps each order's state without its events and
/// one compact log of every applied event (`OrderEventLog`); ``order(_:)`` and the other
/// queries that return ``Order`` values give them their history from the log.
///
/// - Complexity: submitting an order hashes its id once; events for the order the last event
///   was for (the common case: a command's answers) are applied without hashing, in O(1)
///   without allocation.
public final class OrderManager<Client: ExecutionClient> {
    public let client: Client
    // (The state below is not checked for exclusive access at run time: the manager is used
    // from one thread, and no method hands out a reference into it.)
    /// The client order ids of the orders in ``book``, in submission order (order number = index).
    @exclusivity(unchecked) private var ids = IdentifierIndex<ClientOrderIDKind>()
    /// Every order's state by order number, without its history (the log has it); chunked, so a
    /// new order never moves the others.
    @exclusivity(unchecked) private var book = ChunkedBuffer<Order>()
    /// The events applied to the orders of ``book`` (by order number).
    @exclusivity(unchecked) private var log = OrderEventLog()
    /// Indices in ``book`` of the orders not closed yet, ascending (that is, in submission order).
    @exclusivity(unchecked) private var openIndices: [Int] = []
    /// Events the own book could not apply (e.g. a fill for an order it does not know), with the reason.
    public private(set) var unappliedEvents: [(event: OrderEvent, reason: String)] = []
    /// Index in ``book`` of the order the last event was applied to.
    @exclusivity(unchecked) private var lastApplied: Int?

    public init(client: Client) {
        self.client = client
    }

    // MARK: Queries

    /// Every order with its history, in submission order (closed ones until ``purgeClosedOrders()``).
    ///
    /// - Complexity: O(all events): the histories are rebuilt from the log on each call.
    public var orders: OrderedDictionary<ClientOrderID, Order> {
        OrderedDictionary(uniqueKeys: book.indices.map { ids[$0] }, values: book.indices.map(orderWithHistory))
    }

    /// Number of orders in the book (open and closed).
    public var orderCount: Int { book.count }

    /// The order with this client order id, with its history.
    ///
    /// - Complexity: O(the order's events).
    public func order(_ id: ClientOrderID) -> Order? { ids.number(of: id).map(orderWithHistory) }

    /// The status of the order with this client order id (`nil` when the book does not know it).
    ///
    /// - Complexity: O(1); no history is rebuilt.
    public func status(of id: ClientOrderID) -> OrderStatus? { ids.number(of: id).map { book[$0].status } }

    /// The open orders, optionally only of one instrument and/or strategy, in submission order.
    ///
    /// Open means not closed (``Order/isClosed``), with or without filters: an order counts from
    /// the moment it is handed to the client, including one still ``OrderStatus/initialized``
    /// because the client has not confirmed it as submitted yet (a live adapter waiting for the
    /// venue) — it may already be on its way, so exposure checks (``openLeavesRaw(instrumentID:)``)
    /// and cancel-all must see it. (``Order/isOpen`` is narrower: working or possibly working at the venue.)
    ///
    /// - Complexity: O(open orders and their events).
    public func openOrders(instrumentID: InstrumentID? = nil, strategyID: StrategyID? = nil) -> [Order] {
        openIndices(instrumentID: instrumentID, strategyID: strategyID).map(orderWithHistory)
    }

    /// The quantities still to fill of the open buy and of the open sell orders in an
    /// instrument, in raw units of the orders' size precision (for exposure checks).
    ///
    /// - Complexity: O(open orders), no allocation.
    public func openLeavesRaw(instrumentID: InstrumentID) -> (buy: Int64, sell: Int64) {
        var buy: Int64 = 0
        var sell: Int64 = 0
        for index in openIndices where book[index].instrumentID == instrumentID {
            let leaves = book[index].leavesQuantity.raw
            if book[index].side == .buy { buy += leaves } else { sell += leaves }
        }
        return (buy, sell)
    }

    /// Forgets closed orders and their histories (keeps memory flat in long runs; their ids may
    /// not be reused within the same run by convention, but are no longer checked).
    public func purgeClosedOrders() {
        log.keepOnly(openIndices) { self.book[$0].initialized }
        var keptIDs = IdentifierIndex<ClientOrderIDKind>()
        var kept = ChunkedBuffer<Order>()
        for index in openIndices {
            keptIDs.append(ids[index])
            kept.append(book[index])
        }
        ids = keptIDs
        book = kept
        openIndices = Array(book.indices)
        lastApplied = nil
    }

    /// Indices in ``book`` of the open orders matching the filters, in submission order.
    private func openIndices(instrumentID: InstrumentID?, strategyID: StrategyID?) -> [Int] {
        openIndices.filter { index in
            let order = book[index]
            return (instrumentID.map { order.instrumentID == $0 } ?? true) && (strategyID.map { order.strategyID == $0 } ?? true)
        }
    }

    /// The order at `index` in ``book`` with its history from the log.
    private func orderWithHistory(_ index: Int) -> Order {
        let order = book[index]
        return order.withHistory(log.events(of: index, order.initialized))
    }

    // MARK: Commands

    /// Sends a new order. Throws ``OrderManagerError/duplicateClientOrderID(_:)`` for a reused id.
    public func submit(_ command: SubmitOrder, events: inout [OrderEvent]) throws(OrderManagerError) {
        guard insert(command.order) else { throw .duplicateClientOrderID(command.order.clientOrderID) }
        let start = events.count
        client.submit(command, events: &events)
        apply(events[start...])
    }

    /// Sends a list of linked orders. Throws for a reused id (none of the list is sent).
    public func submit(_ command: SubmitOrderList, events: inout [OrderEvent]) throws(OrderManagerError) {
        for order in command.orders where ids.number(of: order.clientOrderID) != nil {
            throw .duplicateClientOrderID(order.clientOrderID)
        }
        for order in command.orders { insert(order) }
        let start = events.count
        client.submit(command, events: &events)
        apply(events[start...])
    }

    /// Sends a modification. Throws for an unknown or closed order, a mismatched command, or
    /// a modification the order cannot take (quantity not above the filled quantity, a price
    /// the order type does not have, no change at all).
    public func modify(_ command: ModifyOrder, events: inout [OrderEvent]) throws(OrderManagerError) {
        let order = try openOrder(command.clientOrderID, strategyID: command.strategyID, instrumentID: command.instrumentID)
        let id = order.clientOrderID
        if command.quantity == nil && command.price == nil && command.triggerPrice == nil {
            throw .invalidModification(id, "nothing to change")
        }
        if let quantity = command.quantity, !(quantity > order.filledQuantity) {
            throw .invalidModification(id, "quantity \(quantity) is not above the filled \(order.filledQuantity)")
        }
        if command.price != nil && !order.type.allowsPrice { throw .invalidModification(id, "a \(order.type) order has no limit price") }
        if command.triggerPrice != nil && !order.type.allowsTriggerPrice {
            throw .invalidModification(id, "a \(order.type) order has no trigger price")
        }
        let start = events.count
        client.modify(command, events: &events)
        apply(events[start...])
    }

    /// Sends a cancel. Throws for an unknown or closed order, or a mismatched command.
    public func cancel(_ command: CancelOrder, events: inout [OrderEvent]) throws(OrderManagerError) {
        _ = try openOrder(command.clientOrderID, strategyID: command.strategyID, instrumentID: command.instrumentID)
        let start = events.count
        client.cancel(command, events: &events)
        apply(events[start...])
    }

    /// Cancels every open order of the strategy in the instrument (optionally one side only).
    public func cancelAll(_ command: CancelAllOrders, events: inout [OrderEvent]) {
        let start = events.count
        client.cancelAll(command, events: &events)
        apply(events[start...])
    }

    // MARK: Events

    /// Applies events from the venue to the own book, in order. An event the book cannot
    /// apply (unknown order, a transition the order's state machine refuses) is recorded in
    /// ``unappliedEvents`` with the reason; the book is unchanged by it.
    public func apply(_ events: ArraySlice<OrderEvent>) {
        // Through the buffer, each event is borrowed in place rather than copied out of the slice.
        events.withUnsafeBufferPointer { buffer in
            for index in buffer.indices { apply(buffer[index]) }
        }
    }

    /// Applies one event from the venue (see ``apply(_:)-(ArraySlice<OrderEvent>)``).
    public func apply(_ event: OrderEvent) {
        // The header and kind are read once (each read of an event's field copies its payload).
        let (header, kind) = event.headerAndKind
        let id = header.clientOrderID
        // Events come in runs for one order: try the last order applied before hashing the id.
        let index: Int
        if let last = lastApplied, last < ids.count, ids[last] == id {
            index = last
        } else if let found = ids.number(of: id) {
            index = found
            lastApplied = found
        } else {
            unappliedEvents.append((event, "order \(id) is not in the own order book"))
            return
        }
        // In place: neither the order nor its parameters are copied.
        let wasClosed = book[index].isClosed
        do throws(OrderError) {
            try book[index].applyKeepingNoHistory(event, header: header, kind: kind)
        } catch {
            unappliedEvents.append((event, error.description))
            return
        }
        log.append(event, header: header, order: index, of: book[index].initialized)
        if !wasClosed && book[index].isClosed { removeFromOpen(index) }
    }

    // MARK: Book keeping

    /// Adds a new order (hashing its id once); `false`, changing nothing, when the id is taken.
    @discardableResult
    func insert(_ order: OrderInitialized) -> Bool {
        let count = ids.count
        guard ids.append(order.clientOrderID) else { return false }
        book.append(Order(order))
        log.addOrder()
        openIndices.append(count)
        lastApplied = count
        return true
    }

    /// Takes the order at `index` out of the open orders.
    private func removeFromOpen(_ index: Int) {
        // The order closed last is usually the newest: search from the end.
        if let position = openIndices.lastIndex(of: index) { openIndices.remove(at: position) }
    }

    private func openOrder(
        _ id: ClientOrderID, strategyID: StrategyID, instrumentID: InstrumentID
    ) throws(OrderManagerError) -> Order {
        guard let index = ids.number(of: id) else { throw .unknownOrder(id) }
        let order = book[index]
        guard !order.isClosed else { throw .orderClosed(id, order.status) }
        guard order.strategyID == strategyID else {
            throw .mismatchedCommand(id, "the order belongs to strategy \(order.strategyID), not \(strategyID)")
        }
        guard order.instrumentID == instrumentID else {
            throw .mismatchedCommand(id, "the order is for \(order.instrumentID), not \(instrumentID)")
        }
        return order
    }
}
