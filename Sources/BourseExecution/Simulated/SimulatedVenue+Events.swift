import BourseCore

extension SimulatedVenue {
    // The order events the venue emits, stamped with the clock's time. Every event about a
    // known order takes its ids from the venue's record of the order (`statusEvent`,
    // `refusal`), so each kind of event is built in one place. The record is read field by field
    // (`orders[slot].venueOrderID`): copying it whole costs a retain and a release.

    func emitSubmitted(_ order: OrderInitialized, _ events: inout [OrderEvent]) {
        events.append(.submitted(OrderSubmitted(
            clientOrderID: order.clientOrderID, strategyID: order.strategyID, instrumentID: order.instrumentID,
            accountID: accountID, tsEvent: clock.now)))
    }

    func emitRejected(_ order: OrderInitialized, _ reason: String, _ events: inout [OrderEvent]) {
        events.append(.rejected(OrderRejected(
            clientOrderID: order.clientOrderID, strategyID: order.strategyID, instrumentID: order.instrumentID,
            accountID: accountID, reason: reason, tsEvent: clock.now)))
    }

    func emitAccepted(_ slot: Int, _ events: inout [OrderEvent]) {
        let header = orders[slot].initialized.header
        events.append(.accepted(OrderAccepted(
            clientOrderID: header.clientOrderID, strategyID: header.strategyID, instrumentID: header.instrumentID,
            venueOrderID: orders[slot].venueOrderID, accountID: accountID, tsEvent: clock.now)))
    }

    func emitTriggered(_ slot: Int, _ events: inout [OrderEvent]) { events.append(.triggered(statusEvent(slot))) }
    func emitCanceled(_ slot: Int, _ events: inout [OrderEvent]) { events.append(.canceled(statusEvent(slot))) }
    func emitExpired(_ slot: Int, _ events: inout [OrderEvent]) { events.append(.expired(statusEvent(slot))) }
    func emitPendingUpdate(_ slot: Int, _ events: inout [OrderEvent]) { events.append(.pendingUpdate(statusEvent(slot))) }
    func emitPendingCancel(_ slot: Int, _ events: inout [OrderEvent]) { events.append(.pendingCancel(statusEvent(slot))) }

    func emitCancelRejected(_ slot: Int, _ reason: String, _ events: inout [OrderEvent]) {
        events.append(.cancelRejected(refusal(slot, reason)))
    }

    func emitModifyRejected(_ slot: Int, _ reason: String, _ events: inout [OrderEvent]) {
        events.append(.modifyRejected(refusal(slot, reason)))
    }

    func emitUpdated(_ slot: Int, _ events: inout [OrderEvent]) {
        let o = orders[slot]
        let instrument = books[o.book].instrument
        let p = instrument.pricePrecision
        events.append(.updated(OrderUpdated(
            clientOrderID: o.clientOrderID, strategyID: o.initialized.strategyID, instrumentID: o.initialized.instrumentID,
            venueOrderID: o.venueOrderID, accountID: accountID,
            quantity: Quantity(uncheckedRaw: o.quantityRaw, precision: instrument.sizePrecision),
            price: o.priceRaw.map { Price(uncheckedRaw: $0, precision: p) },
            triggerPrice: o.triggerRaw.map { Price(uncheckedRaw: $0, precision: p) }, tsEvent: clock.now)))
    }

    /// A status event for the order in `slot`, now.
    private func statusEvent<Event: VenueStatusEvent>(_ slot: Int) -> Event {
        let header = orders[slot].initialized.header
        return Event(
            clientOrderID: header.clientOrderID, strategyID: header.strategyID, instrumentID: header.instrumentID,
            venueOrderID: orders[slot].venueOrderID, accountID: accountID, tsEvent: clock.now, tsInit: nil)
    }

    /// A refusal of a request on the order in `slot`, now.
    private func refusal<Event: RequestRefusalEvent>(_ slot: Int, _ reason: String) -> Event {
        let o = orders[slot]
        return refusal(
            clientOrderID: o.clientOrderID, strategyID: o.initialized.strategyID, instrumentID: o.initialized.instrumentID,
            venueOrderID: o.venueOrderID, reason)
    }

    /// A refusal of a request for an order the venue does not know, now.
    func unknownOrderRefusal<Event: RequestRefusalEvent>(
        _ id: ClientOrderID, _ strategyID: StrategyID, _ instrumentID: InstrumentID
    ) -> Event {
        refusal(
            clientOrderID: id, strategyID: strategyID, instrumentID: instrumentID, venueOrderID: nil,
            "order \(id) is not known at \(venue)")
    }

    /// A refusal of a request, now (for orders the venue may not know: the ids come from the request).
    func refusal<Event: RequestRefusalEvent>(
        clientOrderID: ClientOrderID, strategyID: StrategyID, instrumentID: InstrumentID, venueOrderID: VenueOrderID?,
        _ reason: String
    ) -> Event {
        Event(
            clientOrderID: clientOrderID, strategyID: strategyID, instrumentID: instrumentID, venueOrderID: venueOrderID,
            accountID: accountID, reason: reason, tsEvent: clock.now, tsInit: nil)
    }
}
