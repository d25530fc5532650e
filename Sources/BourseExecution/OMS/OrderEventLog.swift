import BourseCore

/// The order manager's one append-only log of the events it applied, for every order.
///
/// Orders in the manager's book keep no history of their own; an order's events are rebuilt
/// from this log when the order is handed out. The log is compact: the three events of nearly
/// every order — submitted, accepted, filled — are stored without the ids the order already
/// has (client order id, strategy, instrument) and with the account as a small index; any
/// other event (and any event whose ids differ from its order's) is stored whole. Rebuilding
/// gives back equal events.
///
/// Each entry links to the previous entry of the same order, so one order's history is
/// found without scanning the others'.
///
/// - Complexity: appending is O(1) amortized without allocation (once the arrays have grown);
///   an order's history is rebuilt in O(its events).
struct OrderEventLog {
    /// One logged event and the index of the previous entry of the same order (`-1`: none).
    private struct Entry {
        var previous: Int32
        var event: LoggedEvent
    }

    /// An event without the ids its order has.
    private enum LoggedEvent {
        case submitted(account: UInt32, tsEvent: UnixNanos, tsInit: UnixNanos)
        case accepted(account: UInt32, venueOrderID: VenueOrderID, tsEvent: UnixNanos, tsInit: UnixNanos)
        /// Index in ``fills``.
        case filled(UInt32)
        /// Index in ``others``.
        case other(UInt32)
    }

    /// A fill without the ids its order has (its side is the order's: ``Order/apply(_:)`` checks it).
    private struct LoggedFill {
        let account: UInt32
        let venueOrderID: VenueOrderID
        let tradeID: TradeID
        let positionID: PositionID?
        let orderType: OrderType
        let lastQuantity: Quantity
        let lastPrice: Price
        let commission: Money
        let liquiditySide: LiquiditySide
        let tsEvent: UnixNanos
        let tsInit: UnixNanos
    }

    // Chunked: the log only grows (until a purge), and appending never moves what is logged.
    private var entries = ChunkedBuffer<Entry>()
    private var fills = ChunkedBuffer<LoggedFill>()
    private var others: [OrderEvent] = []
    /// The accounts named by logged events (a handful: one per venue).
    private var accounts: [AccountID] = []
    /// Per order number: the index of its last entry (`-1`: none yet).
    private var lastEntry: [Int32] = []

    /// Number of orders the log has a history for.
    var orderCount: Int { lastEntry.count }

    /// Starts the history of the next order number (`orderCount`).
    mutating func addOrder() {
        lastEntry.append(-1)
    }

    /// Appends an event (whose header is `header`) the order numbered `order`, with parameters
    /// `o`, applied.
    mutating func append(_ event: OrderEvent, header: OrderEventHeader, order: Int, of o: OrderInitialized) {
        let logged: LoggedEvent
        if header.strategyID != o.strategyID || header.instrumentID != o.instrumentID {
            logged = stored(event)
        } else {
            switch event {
            case .submitted(let e):
                logged = .submitted(account: account(e.accountID), tsEvent: e.tsEvent, tsInit: e.tsInit)
            case .accepted(let e):
                logged = .accepted(
                    account: account(e.accountID), venueOrderID: e.venueOrderID, tsEvent: e.tsEvent, tsInit: e.tsInit)
            case .filled(let f) where f.side == o.side:
                logged = .filled(UInt32(fills.endIndex))
                fills.append(LoggedFill(
                    account: account(f.accountID), venueOrderID: f.venueOrderID, tradeID: f.tradeID,
                    positionID: f.positionID, orderType: f.orderType, lastQuantity: f.lastQuantity, lastPrice: f.lastPrice,
                    commission: f.commission, liquiditySide: f.liquiditySide, tsEvent: f.tsEvent, tsInit: f.tsInit))
            default:
                logged = stored(event)
            }
        }
        entries.append(Entry(previous: lastEntry[order], event: logged))
        lastEntry[order] = Int32(entries.endIndex - 1)
    }

    /// The events the order numbered `order` applied after its ``OrderInitialized``, in order.
    func events(of order: Int, _ initialized: OrderInitialized) -> [OrderEvent] {
        var indices: [Int32] = []
        var index = lastEntry[order]
        while index >= 0 {
            indices.append(index)
            index = entries[Int(index)].previous
        }
        return indices.reversed().map { event(entries[Int($0)].event, initialized) }
    }

    /// Keeps the histories of the orders whose numbers are in `kept` (ascending), renumbered
    /// 0, 1, …; forgets the rest.
    mutating func keepOnly(_ kept: [Int], _ initialized: (Int) -> OrderInitialized) {
        let histories = kept.map { events(of: $0, initialized($0)) }
        self = OrderEventLog()
        for (number, history) in histories.enumerated() {
            addOrder()
            let o = initialized(kept[number])
            for event in history { append(event, header: event.header, order: number, of: o) }
        }
    }

    private mutating func stored(_ event: OrderEvent) -> LoggedEvent {
        others.append(event)
        return .other(UInt32(others.count - 1))
    }

    /// The index of `id` in ``accounts`` (the last one first: there is usually one).
    private mutating func account(_ id: AccountID) -> UInt32 {
        if let index = accounts.lastIndex(of: id) { return UInt32(index) }
        accounts.append(id)
        return UInt32(accounts.count - 1)
    }

    /// The full event for a logged one of the order with these parameters.
    private func event(_ logged: LoggedEvent, _ o: OrderInitialized) -> OrderEvent {
        switch logged {
        case .submitted(let account, let tsEvent, let tsInit):
            return .submitted(OrderSubmitted(
                clientOrderID: o.clientOrderID, strategyID: o.strategyID, instrumentID: o.instrumentID,
                accountID: accounts[Int(account)], tsEvent: tsEvent, tsInit: tsInit))
        case .accepted(let account, let venueOrderID, let tsEvent, let tsInit):
            return .accepted(OrderAccepted(
                clientOrderID: o.clientOrderID, strategyID: o.strategyID, instrumentID: o.instrumentID,
                venueOrderID: venueOrderID, accountID: accounts[Int(account)], tsEvent: tsEvent, tsInit: tsInit))
        case .filled(let index):
            let f = fills[Int(index)]
            // The logged fill was a valid OrderFilled (positive quantity), so this cannot fail.
            guard
                let fill = try? OrderFilled(
                    clientOrderID: o.clientOrderID, strategyID: o.strategyID, instrumentID: o.instrumentID,
                    accountID: accounts[Int(f.account)], venueOrderID: f.venueOrderID, tradeID: f.tradeID,
                    positionID: f.positionID, side: o.side, orderType: f.orderType, lastQuantity: f.lastQuantity,
                    lastPrice: f.lastPrice, commission: f.commission, liquiditySide: f.liquiditySide, tsEvent: f.tsEvent,
                    tsInit: f.tsInit)
            else { preconditionFailure("a logged fill has a positive quantity") }
            return .filled(fill)
        case .other(let index):
            return others[Int(index)]
        }
    }
}
