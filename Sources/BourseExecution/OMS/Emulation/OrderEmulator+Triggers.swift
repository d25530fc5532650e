public import BourseCore
internal import OrderedCollections

/// Watching the market for the triggers of held orders.
extension OrderEmulator {
    /// Checks the held orders of the quote's instrument: buys against the ask, sells against the bid.
    public func process(quote: QuoteTick, events: inout [OrderEvent]) {
        evaluate(quote.instrumentID, bid: quote.bid, ask: quote.ask, at: quote.tsEvent, &events)
    }

    /// Checks the held orders of the trade's instrument against its price.
    public func process(trade: TradeTick, events: inout [OrderEvent]) {
        evaluate(trade.instrumentID, bid: trade.price, ask: trade.price, at: trade.tsEvent, &events)
    }

    /// Checks the held orders of the bar's instrument along its intrabar path (open, the extreme
    /// nearer the open, the other extreme, close), stamped with the bar's close time.
    public func process(bar: Bar, events: inout [OrderEvent]) {
        let (first, second) = TradingSession.intrabarExtremes(open: bar.open.raw, high: bar.high.raw, low: bar.low.raw)
        let inner = [first, second].map { Price(uncheckedRaw: $0, precision: bar.open.precision) }
        for price in [bar.open, inner[0], inner[1], bar.close] {
            evaluate(bar.barType.instrumentID, bid: price, ask: price, at: bar.tsEvent, &events)
        }
    }

    /// Expires held GTD and DAY orders whose time has come, without market data.
    public func advanceTime(to now: UnixNanos, events: inout [OrderEvent]) {
        for order in managed.values where order.isLocal && isExpired(order, at: now) {
            closeLocally(order.clientOrderID, at: now, &events) { $0.expired($1, at: $2) }
        }
    }

    private func evaluate(_ instrumentID: InstrumentID, bid: Price, ask: Price, at now: UnixNanos, _ events: inout [OrderEvent]) {
        lastMarket[instrumentID] = (bid, ask)
        forgetClosedOrders()
        for candidate in managed.values where candidate.order.instrumentID == instrumentID && candidate.heldVenueOrderID != nil {
            check(candidate.clientOrderID, bid: bid, ask: ask, at: now, &events)
        }
    }

    /// Drops the orders that closed since the last data point: nothing refers to them any more
    /// (their reactions ran when they closed; a missing partner counts as closed), and the
    /// per-tick scan stays as long as the live orders, not the session's history.
    private func forgetClosedOrders() {
        guard managed.values.contains(where: \.isClosed) else { return }
        managed.removeAll { $0.value.isClosed }
    }

    /// Checks one held order against the market: expiry first, then its trigger (buys against
    /// the ask, sells against the bid), else a trailing order's trail.
    func check(_ id: ClientOrderID, bid: Price, ask: Price, at now: UnixNanos, _ events: inout [OrderEvent]) {
        // An earlier order's reaction may have closed or released this one meanwhile.
        guard let order = managed[id], order.heldVenueOrderID != nil else { return }
        if isExpired(order, at: now) {
            closeLocally(id, at: now, &events) { $0.expired($1, at: $2) }
            return
        }
        let market = order.order.side == .buy ? ask : bid
        if let trigger = order.triggerPrice, Self.isReached(order.order.type, side: order.order.side, market: market, trigger: trigger) {
            release(order, at: now, &events)
        } else if order.order.type.isTrailing {
            trail(order, market: market, at: now, &events)
        }
    }

    /// Whether `market` reaches a `side` order's trigger: stops fire when the market moves
    /// through them against the order (a buy stop at or above), if-touched orders when it
    /// moves in the order's favour (a buy MIT at or below).
    static func isReached(_ type: OrderType, side: OrderSide, market: Price, trigger: Price) -> Bool {
        switch type {
        case .stopMarket, .stopLimit, .trailingStopMarket, .trailingStopLimit:
            side == .buy ? market >= trigger : market <= trigger
        case .marketIfTouched, .limitIfTouched:
            side == .buy ? market <= trigger : market >= trigger
        case .market, .limit:
            false
        }
    }

    /// The type a triggered order is released as.
    static func releasedType(of type: OrderType) -> OrderType {
        switch type {
        case .market, .stopMarket, .marketIfTouched, .trailingStopMarket: .market
        case .limit, .stopLimit, .limitIfTouched, .trailingStopLimit: .limit
        }
    }

    private func isExpired(_ order: EmulatedOrder, at now: UnixNanos) -> Bool {
        switch order.order.timeInForce {
        case .gtd(let expiry): now >= expiry
        case .day: now >= TradingSession.close(after: order.order.tsInit, closeOffset: sessionClose, inclusive: false)
        case .gtc, .ioc, .fok, .atTheOpen, .atTheClose: false
        }
    }

    private func release(_ order: EmulatedOrder, at now: UnixNanos, _ events: inout [OrderEvent]) {
        let id = order.clientOrderID
        events.append(order.triggered(accountID, at: now))
        managed[id]?.stage = .atVenue(released: true)
        managed[id]?.awaitingReleaseAcknowledgement = true
        send(id, type: Self.releasedType(of: order.order.type), orderTime: now, at: now, &events)
    }

    /// Moves a held trailing order's trigger (and limit) after the market by the ``TrailingStopRule``.
    private func trail(_ order: EmulatedOrder, market: Price, at now: UnixNanos, _ events: inout [OrderEvent]) {
        guard let offset = order.order.trailingOffset, let instrument = instruments[order.order.instrumentID],
            let reference = try? market.rescaled(to: instrument.pricePrecision, rule: .halfEven),
            let levels = TrailingStopRule.levels(
                side: order.order.side, offset: offset, reference: reference.raw, instrument: instrument,
                withLimit: order.order.type == .trailingStopLimit)
        else { return }
        let precision = instrument.pricePrecision
        let current = try? order.triggerPrice?.rescaled(to: precision, rule: .halfEven).raw
        guard TrailingStopRule.tightens(levels.trigger, over: current ?? nil, side: order.order.side) else { return }
        let id = order.clientOrderID
        managed[id]?.triggerPrice = Price(uncheckedRaw: levels.trigger, precision: precision)
        if let limit = levels.limit { managed[id]?.price = Price(uncheckedRaw: limit, precision: precision) }
        if let moved = managed[id] { events.append(moved.updated(accountID, at: now)) }
    }
}
