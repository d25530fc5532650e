public import BourseCore

extension SimulatedVenue {
    // MARK: Market data

    /// Matches the working orders of the bar's instrument along its intrabar path (see the
    /// type's documentation), then expires the orders whose time ran out by now.
    /// Bars of instruments the venue does not trade are ignored.
    public func process(bar: Bar, events: inout [OrderEvent]) {
        if !inFlight.isEmpty { deliverDueCommands(&events) }
        defer { if nextExpiry != nil { expireOrders(before: clock.now, inclusive: true, &events) } }
        guard let index = book(of: bar.barType.instrumentID) else { return }
        let p = instrumentsByBook[index].pricePrecision
        guard let open = raw(bar.open, p), let high = raw(bar.high, p), let low = raw(bar.low, p),
            let close = raw(bar.close, p)
        else { return }
        let granted = fillModel.grantedVolume(of: bar.volume, instrument: instrumentsByBook[index])?.raw
        let reaches = books.withUnsafeMutableBufferPointer { books in
            books[index].hasBars = true
            books[index].volumeLeft = granted
            if books[index].levelsStale { books[index].recomputeLevels(orders) }
            return books[index].mayReach(low: low, high: high)
        }
        if reaches {
            matchPoint(index, bid: open, ask: open, kind: .open, previous: nil, &events)
            endFirstChance(index, afterOpen: true, &events)
            let (first, second) = TradingSession.intrabarExtremes(open: open, high: high, low: low)
            matchPoint(index, bid: first, ask: first, kind: .path, previous: open, &events)
            matchPoint(index, bid: second, ask: second, kind: .path, previous: first, &events)
            matchPoint(index, bid: close, ask: close, kind: .path, previous: second, &events)
            runClosingAuction(index, close: close, at: bar.tsEvent, &events)
        }
        if configuration.barExecution == .onClose { books[index].last = close }
    }

    /// Matches the working orders of the quote's instrument against the new top of book.
    public func process(quote: QuoteTick, events: inout [OrderEvent]) {
        if !inFlight.isEmpty { deliverDueCommands(&events) }
        defer { if nextExpiry != nil { expireOrders(before: clock.now, inclusive: true, &events) } }
        guard let index = book(of: quote.instrumentID) else { return }
        let p = instrumentsByBook[index].pricePrecision
        guard let bid = raw(quote.bid, p), let ask = raw(quote.ask, p) else { return }
        books[index].bid = bid
        books[index].ask = ask
        books[index].volumeLeft = nil
        matchPoint(index, bid: bid, ask: ask, kind: .tick, previous: nil, &events)
        endFirstChance(index, afterOpen: false, &events)
    }

    /// Matches the working orders of the trade's instrument against the trade price; with a
    /// participation-limited fill model, at most its share of the trade's size fills.
    public func process(trade: TradeTick, events: inout [OrderEvent]) {
        if !inFlight.isEmpty { deliverDueCommands(&events) }
        defer { if nextExpiry != nil { expireOrders(before: clock.now, inclusive: true, &events) } }
        guard let index = book(of: trade.instrumentID) else { return }
        let p = instrumentsByBook[index].pricePrecision
        guard let price = raw(trade.price, p) else { return }
        books[index].last = price
        books[index].volumeLeft = fillModel.grantedVolume(of: trade.size, instrument: instrumentsByBook[index])?.raw
        matchPoint(index, bid: price, ask: price, kind: .tick, previous: nil, &events)
        endFirstChance(index, afterOpen: false, &events)
    }

    /// A price's raw value at precision `p` (rescaled, half-even, when the data has another precision).
    @inline(__always)
    private func raw(_ price: Price, _ p: UInt8) -> Int64? {
        price.precision == p ? price.raw : try? FixedPoint.rescale(price.raw, from: price.precision, to: p, rule: .halfEven)
    }

    // MARK: Matching

    /// Gives an order that just arrived (or was modified) its chance against the current market.
    func matchOnArrival(_ slot: Int, _ events: inout [OrderEvent]) {
        let index = orders[slot].book
        let tif = orders[slot].initialized.timeInForce
        let bid: Int64
        let ask: Int64
        if let b = books[index].bid, let a = books[index].ask {
            (bid, ask) = (b, a)
        } else if let last = books[index].last {
            (bid, ask) = (last, last)
        } else {
            return  // no market yet: the order waits for the next price
        }
        perform(slot, bid: bid, ask: ask, kind: .arrival, &events)
        if orders[slot].type.isTrailing { trail(slot, bid: bid, ask: ask, &events) }
        if (tif == .ioc || tif == .fok) && orders[slot].isOpen { close(slot, as: .canceled, &events) }
    }

    /// Matches every active order of a book at one price point, in the order the path reaches them.
    private func matchPoint(_ index: Int, bid: Int64, ask: Int64, kind: PointKind, previous: Int64?, _ events: inout [OrderEvent]) {
        if books[index].levelsStale { books[index].recomputeLevels(orders) }
        guard books[index].mayReach(low: bid, high: ask) else { return }
        reached.removeAll(keepingCapacity: true)
        for slot in books[index].active {
            guard let outcome = evaluate(orders[slot], bid: bid, ask: ask, kind: kind) else { continue }
            let distance = previous.map { (outcome.level - $0).magnitude } ?? 0
            reached.append((slot, Int64(clamping: distance)))
        }
        if reached.count > 1 && previous != nil {
            reached.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.slot < $1.slot }
        }
        var i = 0
        while i < reached.count {
            let slot = reached[i].slot
            i += 1
            guard orders[slot].isActive else { continue }  // canceled by a linked order meanwhile
            perform(slot, bid: bid, ask: ask, kind: kind, &events)
        }
        guard books[index].alwaysCount > 0 else { return }
        for slot in books[index].active where orders[slot].type.isTrailing {
            trail(slot, bid: bid, ask: ask, &events)
        }
    }

    /// Moves an untriggered trailing stop's trigger (and limit) after the market at (bid, ask)
    /// by the ``TrailingStopRule``. Emits ``OrderUpdated`` when the trigger moves.
    private func trail(_ slot: Int, bid: Int64, ask: Int64, _ events: inout [OrderEvent]) {
        let order = orders[slot]
        guard order.state == .working, let offset = order.initialized.trailingOffset,
            let levels = TrailingStopRule.levels(
                side: order.side, offset: offset, reference: order.side == .sell ? bid : ask,
                instrument: books[order.book].instrument, withLimit: order.type == .trailingStopLimit),
            TrailingStopRule.tightens(levels.trigger, over: order.triggerRaw, side: order.side)
        else { return }
        orders[slot].triggerRaw = levels.trigger
        if let limit = levels.limit { orders[slot].priceRaw = limit }
        orders[slot].tsLast = clock.now
        emitUpdated(slot, &events)
    }

    /// After an order's first price (a bar's open, a tick): IOC and FOK orders that waited
    /// for a price are canceled, at-the-open orders expire.
    private func endFirstChance(_ index: Int, afterOpen: Bool, _ events: inout [OrderEvent]) {
        guard books[index].alwaysCount > 0 else { return }
        for slot in books[index].active where orders[slot].isActive {
            switch orders[slot].initialized.timeInForce {
            case .ioc, .fok: close(slot, as: .canceled, &events)
            case .atTheOpen where afterOpen: close(slot, as: .expired, &events)
            case .atTheOpen, .atTheClose, .day, .gtc, .gtd: break
            }
        }
    }

    /// At a bar closing the session: at-the-close orders execute at the close; the rest expires.
    private func runClosingAuction(_ index: Int, close: Int64, at time: UnixNanos, _ events: inout [OrderEvent]) {
        guard books[index].alwaysCount > 0 else { return }
        let due = books[index].active.filter { orders[$0].auctionClose.map { $0 <= time } ?? false }
        guard !due.isEmpty else { return }
        for slot in due where orders[slot].isActive {
            perform(slot, bid: close, ask: close, kind: .closeAuction, &events)
            if orders[slot].isOpen { self.close(slot, as: .expired, &events) }
        }
    }

    /// What reaching a price does to an order.
    struct Outcome {
        /// The stop or if-touched trigger fires.
        var triggers = false
        /// The order fills at this price (before the fill model's slippage) with this liquidity.
        var fill: (price: Int64, liquidity: LiquiditySide)?
        /// The order's price level that was reached (orders the path reaches first fill first).
        var level: Int64
    }

    /// Whether and how an active order reacts to the market at (bid, ask), `nil` when it does not.
    /// Buys look at the ask, sells at the bid.
    func evaluate(_ order: borrowing VenueOrder, bid: Int64, ask: Int64, kind: PointKind) -> Outcome? {
        guard order.isActive else { return nil }
        switch order.initialized.timeInForce {
        case .atTheOpen: guard kind == .open else { return nil }
        case .atTheClose: guard kind == .closeAuction else { return nil }
        case .day, .gtc, .gtd, .ioc, .fok: guard kind != .closeAuction else { return nil }
        }
        let buy = order.side == .buy
        let px = buy ? ask : bid
        /// Whether `a` is at least as good as `b` for this order's side.
        func atLeast(_ a: Int64, _ b: Int64) -> Bool { buy ? a <= b : a >= b }
        var outcome = Outcome(level: px)
        var market = order.actsAsMarket
        var limit = order.actsAsLimit
        var reference = px
        if order.state == .working, let trigger = order.triggerRaw, !order.actsAsLimit, !order.actsAsMarket {
            let hit: Bool
            switch order.type {
            case .stopMarket, .stopLimit, .trailingStopMarket, .trailingStopLimit: hit = buy ? px >= trigger : px <= trigger
            case .marketIfTouched, .limitIfTouched: hit = buy ? px <= trigger : px >= trigger
            case .market, .limit: hit = false
            }
            guard hit else { return nil }
            outcome.triggers = true
            outcome.level = trigger
            reference = kind == .path ? trigger : px
            market = order.type == .stopMarket || order.type == .marketIfTouched || order.type == .trailingStopMarket
            limit = !market
        }
        if market {
            outcome.fill = (reference, .taker)
            return outcome
        }
        guard limit, let price = order.priceRaw else { return outcome.triggers ? outcome : nil }
        if outcome.triggers {
            // Just triggered: the market is at `reference`; the limit takes it when marketable.
            if atLeast(reference, price) { outcome.fill = (reference, .taker) }
            return outcome
        }
        outcome.level = price
        let reached = configuration.limitFill == .onTouch ? atLeast(px, price) : (buy ? px < price : px > price)
        switch kind {
        case .arrival:
            if atLeast(px, price) { outcome.fill = (px, .taker) }
        case .open:
            if reached { outcome.fill = (px, .maker) }
        case .closeAuction:
            if atLeast(px, price) { outcome.fill = (px, .maker) }
        case .path, .tick:
            if reached { outcome.fill = (price, .maker) }
        }
        return outcome.fill == nil ? nil : outcome
    }

    /// Evaluates the order (again, when matching a price point) and carries out the outcome (trigger, fill).
    private func perform(_ slot: Int, bid: Int64, ask: Int64, kind: PointKind, _ events: inout [OrderEvent]) {
        guard let outcome = evaluate(orders[slot], bid: bid, ask: ask, kind: kind) else { return }
        if outcome.triggers {
            orders[slot].state = .triggered
            orders[slot].tsLast = clock.now
            books[orders[slot].book].levelsStale = true
            emitTriggered(slot, &events)
        }
        if let fill = outcome.fill { executeFill(slot, priceRaw: fill.price, liquidity: fill.liquidity, &events) }
    }
}
