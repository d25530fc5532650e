public import BourseCore

extension SimulatedVenue {
    // MARK: ExecutionClient commands

    public func submit(_ command: SubmitOrder, events: inout [OrderEvent]) {
        emitSubmitted(command.order, &events)
        if let arrival = delayedArrival(.submit, command.order.instrumentID) {
            enqueue(.submit(command), arrival: arrival)
        } else {
            execute(command, &events)
        }
    }

    public func submit(_ command: SubmitOrderList, events: inout [OrderEvent]) {
        for order in command.orders { emitSubmitted(order, &events) }
        if let arrival = delayedArrival(.submit, command.orders[0].instrumentID) {
            enqueue(.submitList(command), arrival: arrival)
        } else {
            execute(command, &events)
        }
    }

    public func modify(_ command: ModifyOrder, events: inout [OrderEvent]) {
        if let slot = slots[command.clientOrderID], orders[slot].isOpen { emitPendingUpdate(slot, &events) }
        if let arrival = delayedArrival(.modify, command.instrumentID) {
            enqueue(.modify(command), arrival: arrival)
        } else {
            apply(command, &events)
        }
    }

    public func cancel(_ command: CancelOrder, events: inout [OrderEvent]) {
        if let slot = slots[command.clientOrderID], orders[slot].isOpen { emitPendingCancel(slot, &events) }
        if let arrival = delayedArrival(.cancel, command.instrumentID) {
            enqueue(.cancel(command), arrival: arrival)
        } else {
            execute(command, &events)
        }
    }

    public func cancelAll(_ command: CancelAllOrders, events: inout [OrderEvent]) {
        for slot in openSlots(matching: command) { emitPendingCancel(slot, &events) }
        if let arrival = delayedArrival(.cancel, command.instrumentID) {
            enqueue(.cancelAll(command), arrival: arrival)
        } else {
            execute(command, &events)
        }
    }

    /// Delivers the delayed commands due by now and expires the orders whose time ran out
    /// strictly before now (an order expiring at `t` is still matched against data at `t`).
    public func advanceTime(events: inout [OrderEvent]) {
        deliverDueCommands(&events)
        expireOrders(before: clock.now, inclusive: false, &events)
    }

    // MARK: Delivery

    /// When a command sent now arrives, by the latency model; `nil` when it arrives at once
    /// (then it is executed directly, without being wrapped for the queue).
    private func delayedArrival(_ kind: CommandKind, _ instrumentID: InstrumentID) -> UnixNanos? {
        let now = clock.now
        let delay = latencyModel.latency(LatencyParameters(command: kind, instrumentID: instrumentID, sent: now))
        return delay.rawValue <= 0 ? nil : now + delay
    }

    /// Queues a delayed command behind those arriving at the same time or earlier.
    private func enqueue(_ command: VenueCommand, arrival: UnixNanos) {
        let index = inFlight.firstIndex { $0.arrival > arrival } ?? inFlight.endIndex
        inFlight.insert((arrival, command), at: index)
    }

    func deliverDueCommands(_ events: inout [OrderEvent]) {
        let now = clock.now
        while let first = inFlight.first, first.arrival <= now {
            inFlight.removeFirst()
            switch first.command {
            case .submit(let submit): execute(submit, &events)
            case .submitList(let list): execute(list, &events)
            case .modify(let modify): apply(modify, &events)
            case .cancel(let cancel): execute(cancel, &events)
            case .cancelAll(let cancelAll): execute(cancelAll, &events)
            }
        }
    }

    private func execute(_ submit: SubmitOrder, _ events: inout [OrderEvent]) {
        if let slot = admit(submit.order, &events) { matchOnArrival(slot, &events) }
    }

    private func execute(_ list: SubmitOrderList, _ events: inout [OrderEvent]) {
        var admitted: [Int] = []
        for order in list.orders {
            if let slot = admit(order, &events) { admitted.append(slot) }
        }
        for slot in admitted where orders[slot].isActive { matchOnArrival(slot, &events) }
    }

    private func execute(_ cancel: CancelOrder, _ events: inout [OrderEvent]) {
        guard let slot = slots[cancel.clientOrderID] else {
            events.append(.cancelRejected(unknownOrderRefusal(cancel.clientOrderID, cancel.strategyID, cancel.instrumentID)))
            return
        }
        guard orders[slot].isOpen else {
            emitCancelRejected(slot, "order is already \(orders[slot].status)", &events)
            return
        }
        close(slot, as: .canceled, &events)
    }

    private func execute(_ cancelAll: CancelAllOrders, _ events: inout [OrderEvent]) {
        for slot in openSlots(matching: cancelAll) where orders[slot].isOpen { close(slot, as: .canceled, &events) }
    }

    private func openSlots(matching command: CancelAllOrders) -> [Int] {
        guard let index = bookIndex[command.instrumentID] else { return [] }
        return orders.indices.filter { slot in
            let order = orders[slot]
            return order.book == index && order.isOpen && order.initialized.strategyID == command.strategyID
                && (command.side == nil || order.side == command.side)
        }
    }

    // MARK: Admission

    /// Validates and accepts (or rejects) an arriving order; returns its slot when accepted.
    private func admit(_ order: OrderInitialized, _ events: inout [OrderEvent]) -> Int? {
        let now = clock.now
        guard let bookNumber = book(of: order.instrumentID) else {
            emitRejected(order, "instrument \(order.instrumentID) is not traded at \(venue)", &events)
            return nil
        }
        guard case .absent(let place) = slots.probe(order.clientOrderID) else {
            emitRejected(order, "client order id \(order.clientOrderID) is already used at \(venue)", &events)
            return nil
        }
        if let reason = rejection(of: order, bookNumber: bookNumber, now: now) {
            emitRejected(order, reason, &events)
            return nil
        }
        var held = false
        if let parent = order.links.parentOrderID {
            guard let parentSlot = slots[parent] else {
                emitRejected(order, "parent order \(parent) is not known at \(venue)", &events)
                return nil
            }
            switch orders[parentSlot].state {
            case .closed(let status) where orders[parentSlot].filledRaw == 0:
                emitRejected(order, "parent order \(parent) is \(status)", &events)
                return nil
            case .closed, .held, .working, .triggered:
                held = orders[parentSlot].filledRaw == 0 || orders[parentSlot].state == .held
            }
        }
        if !held, order.reduceOnly, let reason = reduceOnlyRejection(side: order.side, quantityRaw: order.quantity.raw, books[bookNumber]) {
            emitRejected(order, reason, &events)
            return nil
        }
        if order.postOnly, let reason = postOnlyRejection(side: order.side, priceRaw: order.price?.raw, books[bookNumber]) {
            emitRejected(order, reason, &events)
            return nil
        }
        if !held, order.side == .buy, let account, let reference = order.price?.raw ?? order.triggerPrice?.raw ?? books[bookNumber].currentPrice(for: .buy) {
            var updated = account
            do {
                if let lock = try updated.requiredLock(
                    side: .buy, quantity: order.quantity,
                    price: Price(uncheckedRaw: reference, precision: books[bookNumber].instrument.pricePrecision),
                    instrument: books[bookNumber].instrument)
                {
                    try updated.lock(lock, for: order.clientOrderID)
                }
            } catch {
                emitRejected(order, "\(error)", &events)
                return nil
            }
            self.account = updated
        }
        venueOrderCount += 1
        let expiry: UnixNanos? =
            switch order.timeInForce {
            case .gtd(let expiry): expiry
            case .day: sessionClose(after: now, inclusive: false)
            case .gtc, .ioc, .fok, .atTheOpen, .atTheClose: nil
            }
        let slot = orders.endIndex
        orders.append(VenueOrder(
            initialized: order, venueOrderID: makeVenueOrderID(venueOrderCount), book: bookNumber,
            sequence: venueOrderCount, state: held ? .held : .working, quantityRaw: order.quantity.raw, filledRaw: 0,
            priceRaw: order.price?.raw, triggerRaw: order.triggerPrice?.raw, expiry: expiry,
            auctionClose: order.timeInForce == .atTheClose ? sessionClose(after: now, inclusive: true) : nil, tsLast: now))
        slots.insert(order.clientOrderID, at: place)  // nothing was added since the probe
        if let expiry { nextExpiry = min(nextExpiry ?? expiry, expiry) }
        emitAccepted(slot, &events)
        if !held { books[bookNumber].add(slot, orders[slot]) }
        return slot
    }

    /// The reason an order cannot be accepted in the book numbered `bookNumber`, `nil` when it can.
    private func rejection(of order: OrderInitialized, bookNumber: Int, now: UnixNanos) -> String? {
        let instrument = sharedInstruments[bookNumber].instrument
        do {
            try instrument.validate(quantity: order.quantity, price: order.price ?? order.triggerPrice)
            if let trigger = order.triggerPrice, order.price != nil {
                try instrument.validate(quantity: order.quantity, price: trigger)
            }
        } catch {
            return error.reason
        }
        guard order.quantity.precision == instrument.sizePrecision,
            (order.price?.precision ?? instrument.pricePrecision) == instrument.pricePrecision,
            (order.triggerPrice?.precision ?? instrument.pricePrecision) == instrument.pricePrecision
        else {
            return "prices and quantity must be given at the instrument's precisions (price \(instrument.pricePrecision), size \(instrument.sizePrecision) decimals)"
        }
        if let expiry = order.timeInForce.expiry, expiry <= now {
            return "good-till-date expiry \(expiry) is not after the venue's time \(now)"
        }
        if (order.timeInForce == .atTheOpen || order.timeInForce == .atTheClose) && !books[bookNumber].hasBars {
            return "auction orders (\(order.timeInForce)) need bar data for \(order.instrumentID)"
        }
        return nil
    }

    func reduceOnlyRejection(side: OrderSide, quantityRaw: Int64, _ book: InstrumentBook) -> String? {
        let reducible = side == .buy ? max(0, -book.positionRaw) : max(0, book.positionRaw)
        if reducible == 0 {
            return "reduce-only \(side) order would open or increase a position (position is \(book.positionRaw == 0 ? "flat" : book.positionRaw > 0 ? "long" : "short"))"
        }
        if quantityRaw > reducible {
            let q = Quantity(uncheckedRaw: quantityRaw, precision: book.instrument.sizePrecision)
            let open = Quantity(uncheckedRaw: reducible, precision: book.instrument.sizePrecision)
            return "reduce-only \(side) order for \(q) exceeds the open position of \(open)"
        }
        return nil
    }

    private func postOnlyRejection(side: OrderSide, priceRaw: Int64?, _ book: InstrumentBook) -> String? {
        guard let priceRaw, let market = book.currentPrice(for: side) else { return nil }
        let takes = side == .buy ? priceRaw >= market : priceRaw <= market
        guard takes else { return nil }
        let p = book.instrument.pricePrecision
        return "post-only \(side) limit at \(Price(uncheckedRaw: priceRaw, precision: p)) would take liquidity at \(Price(uncheckedRaw: market, precision: p))"
    }

    /// The first session close after `time` (or at it, when `inclusive`).
    func sessionClose(after time: UnixNanos, inclusive: Bool) -> UnixNanos {
        TradingSession.close(after: time, closeOffset: configuration.sessionClose, inclusive: inclusive)
    }

    // MARK: Modification

    private func apply(_ command: ModifyOrder, _ events: inout [OrderEvent]) {
        guard let slot = slots[command.clientOrderID] else {
            events.append(.modifyRejected(unknownOrderRefusal(command.clientOrderID, command.strategyID, command.instrumentID)))
            return
        }
        let order = orders[slot]
        guard order.isOpen else {
            emitModifyRejected(slot, "order is already \(order.status)", &events)
            return
        }
        let book = books[order.book]
        let instrument = book.instrument
        let quantity = command.quantity ?? Quantity(uncheckedRaw: order.quantityRaw, precision: instrument.sizePrecision)
        if let reason = modificationRejection(command, order: order, quantity: quantity, book: book) {
            emitModifyRejected(slot, reason, &events)
            return
        }
        orders[slot].quantityRaw = quantity.raw
        if let price = command.price { orders[slot].priceRaw = price.raw }
        if let trigger = command.triggerPrice { orders[slot].triggerRaw = trigger.raw }
        orders[slot].tsLast = clock.now
        books[order.book].levelsStale = true
        emitUpdated(slot, &events)
        if orders[slot].isActive { matchOnArrival(slot, &events) }
    }

    private func modificationRejection(
        _ command: ModifyOrder, order: VenueOrder, quantity: Quantity, book: InstrumentBook
    ) -> String? {
        let instrument = book.instrument
        if command.price != nil && !order.type.allowsPrice { return "a \(order.type) order has no limit price" }
        if command.triggerPrice != nil && !order.type.allowsTriggerPrice { return "a \(order.type) order has no trigger price" }
        if command.quantity == nil && command.price == nil && command.triggerPrice == nil { return "the modification changes nothing" }
        guard quantity.precision == instrument.sizePrecision, quantity.raw > order.filledRaw else {
            return "quantity \(quantity) must be above the filled \(Quantity(uncheckedRaw: order.filledRaw, precision: instrument.sizePrecision)) at \(instrument.sizePrecision) decimals"
        }
        do {
            for price in [command.price, command.triggerPrice].compactMap({ $0 }) {
                guard price.precision == instrument.pricePrecision else {
                    return "price \(price) must have \(instrument.pricePrecision) decimals"
                }
                try instrument.validate(quantity: quantity, price: price)
            }
            if command.price == nil && command.triggerPrice == nil {
                let p = instrument.pricePrecision
                try instrument.validate(
                    quantity: quantity, price: (order.priceRaw ?? order.triggerRaw).map { Price(uncheckedRaw: $0, precision: p) })
            }
        } catch {
            return error.reason
        }
        if order.initialized.postOnly, let price = command.price,
            let reason = postOnlyRejection(side: order.side, priceRaw: price.raw, book)
        {
            return reason
        }
        return nil
    }
}
