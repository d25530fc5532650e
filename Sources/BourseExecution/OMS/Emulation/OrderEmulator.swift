public import BourseCore
internal import OrderedCollections

/// An ``ExecutionClient`` in front of a venue that lacks some order types or contingent
/// orders: it emulates them from the market data the OMS sees, so strategies use every
/// order type on every venue.
///
/// - **Order types** the venue lacks (stops, stop-limits, market/limit-if-touched, trailing
///   stops by price, ticks or basis points) are held here: the emulator acknowledges them
///   (``OrderSubmitted``, ``OrderAccepted`` with an `EMU-<n>` venue order id), watches quotes,
///   trades and bars (``process(quote:events:)`` …) and, when the trigger is reached, emits
///   ``OrderTriggered`` and releases the order to the venue as a market order (stop, MIT,
///   trailing stop) or a limit order (stop-limit, LIT, trailing stop-limit). The venue's own
///   acknowledgements of a released order are not passed on; its fills are, with the original
///   order type. Stops and trailing stops trigger on the far side (a buy on the ask, a sell on
///   the bid), on the last price for trades and along the intrabar path for bars. GTD and DAY
///   orders held here expire on time (DAY at ``sessionClose``).
/// - **Contingent lists** the venue cannot link (bracket, OTO, OCO, OUO) are linked here: an
///   OTO child waits, still `initialized`, until its parent's first fill, is then sent for the
///   parent's filled quantity and resized on later partial fills; it is canceled if the parent
///   closes unfilled. A fill of an OCO member cancels the others; a partial fill of an OUO
///   member reduces the others to the same leaves quantity. Closing one member (cancel,
///   expiry, rejection) cancels the others. Orders reach the venue without links.
///
/// Every other order goes straight to the venue, untouched. Events the venue produces on its
/// own (fills on market data, expiries) must pass through ``receive(_:from:)`` before the OMS
/// applies them, so contingencies react to them.
///
/// Emulation acts on the data the emulator is given: on bars, a triggered order is released
/// at the point of the path that reached the trigger and fills by the venue's rules (for a
/// bar-driven simulated venue that is usually the next bar's open) — coarser than a venue
/// that holds the stop itself.
public final class OrderEmulator<Client: ExecutionClient>: ExecutionClient {
    /// The venue the orders go to.
    public let client: Client
    /// What the venue does natively.
    public let capabilities: VenueCapabilities
    /// The session's closing time of day (offset from midnight UTC), when held DAY orders expire.
    public let sessionClose: Nanoseconds
    let instruments: [InstrumentID: Instrument]
    /// The orders the emulator manages, in submission order (closed ones until the next data point).
    var managed: OrderedDictionary<ClientOrderID, EmulatedOrder> = [:]
    /// The last (bid, ask) seen per instrument, to arm trailing orders on arrival.
    var lastMarket: [InstrumentID: (bid: Price, ask: Price)] = [:]
    private var nextHeldNumber = 1

    /// An emulator in front of `client` for orders in `instruments` (trailing offsets in ticks
    /// need the tick size).
    public init(client: Client, capabilities: VenueCapabilities, instruments: [Instrument], sessionClose: Nanoseconds = .zero) {
        self.client = client
        self.capabilities = capabilities
        self.sessionClose = sessionClose
        self.instruments = Dictionary(instruments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public var venue: Venue { client.venue }
    public var accountID: AccountID { client.accountID }

    /// The orders the emulator holds or waits with (not at the venue), in submission order.
    public var localOrders: [ClientOrderID] { managed.values.filter(\.isLocal).map(\.clientOrderID) }

    // MARK: Commands

    public func submit(_ command: SubmitOrder, events: inout [OrderEvent]) {
        let order = command.order
        let linked = !capabilities.contingentOrders && order.links != .none
        guard linked || !capabilities.supports(order.type) else {
            client.submit(command, events: &events)
            return
        }
        managed[order.clientOrderID] = EmulatedOrder(order, stage: .waitingForParent)
        place(order.clientOrderID, at: command.tsInit, &events)
    }

    public func submit(_ command: SubmitOrderList, events: inout [OrderEvent]) {
        guard !capabilities.contingentOrders || command.orders.contains(where: { !capabilities.supports($0.type) }) else {
            client.submit(command, events: &events)
            return
        }
        for order in command.orders { managed[order.clientOrderID] = EmulatedOrder(order, stage: .waitingForParent) }
        for order in command.orders where order.links.parentOrderID == nil {
            place(order.clientOrderID, at: command.tsInit, &events)
        }
    }

    public func modify(_ command: ModifyOrder, events: inout [OrderEvent]) {
        guard let index = managed.index(forKey: command.clientOrderID) else {
            client.modify(command, events: &events)
            return
        }
        let order = managed.values[index]
        switch order.stage {
        case .waitingForParent, .held:
            managed.values[index].quantity = command.quantity ?? order.quantity
            managed.values[index].price = command.price ?? order.price
            managed.values[index].triggerPrice = command.triggerPrice ?? order.triggerPrice
            events.append(managed.values[index].updated(accountID, at: command.tsInit))
        case .atVenue(released: true) where command.triggerPrice != nil:
            events.append(order.modifyRejected(
                "the order was triggered and released to the venue: it has no trigger price any more", accountID,
                at: command.tsInit))
        case .atVenue, .closed:
            forward(into: &events) { client.modify(command, events: &$0) }
        }
    }

    public func cancel(_ command: CancelOrder, events: inout [OrderEvent]) {
        guard let order = managed[command.clientOrderID] else {
            client.cancel(command, events: &events)
            return
        }
        if order.isLocal {
            closeLocally(order.clientOrderID, at: command.tsInit, &events) { $0.canceled($1, at: $2) }
        } else {
            forward(into: &events) { client.cancel(command, events: &$0) }
        }
    }

    public func cancelAll(_ command: CancelAllOrders, events: inout [OrderEvent]) {
        for order in managed.values
        where order.isLocal && order.order.strategyID == command.strategyID
            && order.order.instrumentID == command.instrumentID && (command.side.map { $0 == order.order.side } ?? true)
        {
            // A member closed meanwhile by a linked order's cancel is skipped by closeLocally.
            closeLocally(order.clientOrderID, at: command.tsInit, &events) { $0.canceled($1, at: $2) }
        }
        forward(into: &events) { client.cancelAll(command, events: &$0) }
    }

    // MARK: Reports

    public func orderStatus(_ clientOrderID: ClientOrderID) -> OrderStatusReport? {
        if let order = managed[clientOrderID], order.isLocal { return report(order) }
        return client.orderStatus(clientOrderID)
    }

    public func openOrderReports() -> [OrderStatusReport] {
        client.openOrderReports() + managed.values.filter(\.isLocal).map(report)
    }

    public func positionReports() -> [PositionStatusReport] { client.positionReports() }

    public func balanceReports() -> [AccountBalance] { client.balanceReports() }

    /// The venue's fills as the venue reports them: a released emulated order's fill has the type
    /// it was released as (the caller that journaled the order knows the submitted type; see
    /// ``OrderFilled/withOrderType(_:)``).
    public func fills(since time: UnixNanos, after tradeID: TradeID?) -> [OrderFilled]? {
        client.fills(since: time, after: tradeID)
    }

    private func report(_ order: EmulatedOrder) -> OrderStatusReport {
        let o = order.order
        return OrderStatusReport(
            clientOrderID: o.clientOrderID, venueOrderID: order.heldVenueOrderID, strategyID: o.strategyID,
            instrumentID: o.instrumentID, side: o.side, type: o.type,
            status: order.stage == .waitingForParent ? .initialized : .accepted, quantity: order.quantity,
            filledQuantity: order.filled, price: order.price, triggerPrice: order.triggerPrice, tsLast: o.tsInit)
    }

    // MARK: Placing

    /// Places a managed order that is not placed yet: holds it when the venue lacks its type,
    /// else sends it to the venue without links.
    func place(_ id: ClientOrderID, at now: UnixNanos, _ events: inout [OrderEvent]) {
        guard let index = managed.index(forKey: id) else { return }
        let order = managed.values[index]
        if capabilities.supports(order.order.type) {
            managed.values[index].stage = .atVenue(released: false)
            send(id, type: order.order.type, orderTime: order.order.tsInit, at: now, &events)
            return
        }
        events.append(order.submitted(accountID, at: now))
        if let reason = unsupportedReason(order.order) {
            managed.values[index].stage = .closed
            events.append(order.rejected(reason, accountID, at: now))
            react(toClosing: id, at: now, &events)
            return
        }
        let venueOrderID = makeHeldVenueOrderID()
        managed.values[index].stage = .held(venueOrderID)
        events.append(order.accepted(venueOrderID, accountID, at: now))
        // Like a venue holding it, the order meets the current market at once (it may trigger, or a
        // trailing order arms).
        if let market = lastMarket[order.order.instrumentID] { check(id, bid: market.bid, ask: market.ask, at: now, &events) }
    }

    /// Sends a managed order to the venue as a `type` order with its current quantity and
    /// prices and no links. An order Core refuses to build that way is rejected here.
    func send(_ id: ClientOrderID, type: OrderType, orderTime: UnixNanos, at now: UnixNanos, _ events: inout [OrderEvent]) {
        guard let order = managed[id] else { return }
        let o = order.order
        var timeInForce = o.timeInForce
        if type == .market, case .gtd = timeInForce { timeInForce = .gtc }  // the expiry is checked before release
        do {
            let sent = try OrderInitialized(
                clientOrderID: o.clientOrderID, strategyID: o.strategyID, instrumentID: o.instrumentID, side: o.side,
                type: type, quantity: order.quantity, price: type.allowsPrice ? order.price : nil,
                triggerPrice: type.allowsTriggerPrice ? order.triggerPrice : nil,
                trailingOffset: type.isTrailing ? o.trailingOffset : nil, timeInForce: timeInForce,
                postOnly: o.postOnly && type.isLimitStyle, reduceOnly: o.reduceOnly, tsInit: orderTime)
            forward(into: &events) { client.submit(SubmitOrder(order: sent, tsInit: now), events: &$0) }
        } catch {
            managed[id]?.stage = .closed
            events.append(order.rejected("the order emulator could not send it as a \(type) order: \(error)", accountID, at: now))
            react(toClosing: id, at: now, &events)
        }
    }

    /// Why a held order cannot be emulated, `nil` when it can.
    private func unsupportedReason(_ order: OrderInitialized) -> String? {
        guard order.type.isTrailing, instruments[order.instrumentID] == nil else { return nil }
        return "the order emulator has no instrument \(order.instrumentID) to trail \(order.type) orders in"
    }

    private func makeHeldVenueOrderID() -> VenueOrderID {
        defer { nextHeldNumber += 1 }
        // "EMU-" + decimal digits is always a valid identifier.
        return (try? VenueOrderID("EMU-\(nextHeldNumber)")) ?? (try? VenueOrderID("EMU"))!
    }
}
