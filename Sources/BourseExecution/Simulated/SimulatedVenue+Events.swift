import BourseCore

extension SimulatedVenue {
    // The order events the venue emits, stamped with the clock's time.

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
        let o = orders[slot]
        events.append(.accepted(OrderAccepted(
            clientOrderID: o.clientOrderID, strategyID: o.initialized.strategyID, instrumentID: o.initialized.instrumentID,
            venueOrderID: o.venueOrderID, accountID: accountID, tsEvent: clock.now)))
    }

    func emitTriggered(_ slot: Int, _ events: inout [OrderEvent]) {
        let o = orders[slot]
        events.append(.triggered(OrderTriggered(
            clientOrderID: o.clientOrderID, strategyID: o.initialized.strategyID, instrumentID: o.initialized.instrumentID,
            venueOrderID: o.venueOrderID, accountID: accountID, tsEvent: clock.now)))
    }

    func emitCanceled(_ slot: Int, _ events: inout [OrderEvent]) {
        let o = orders[slot]
        events.append(.canceled(OrderCanceled(
            clientOrderID: o.clientOrderID, strategyID: o.initialized.strategyID, instrumentID: o.initialized.instrumentID,
            venueOrderID: o.venueOrderID, accountID: accountID, tsEvent: clock.now)))
    }

    func emitExpired(_ slot: Int, _ events: inout [OrderEvent]) {
        let o = orders[slot]
        events.append(.expired(OrderExpired(
            clientOrderID: o.clientOrderID, strategyID: o.initialized.strategyID, instrumentID: o.initialized.instrumentID,
            venueOrderID: o.venueOrderID, accountID: accountID, tsEvent: clock.now)))
    }

    func emitPendingCancel(_ slot: Int, _ events: inout [OrderEvent]) {
        let o = orders[slot]
        events.append(.pendingCancel(OrderPendingCancel(
            clientOrderID: o.clientOrderID, strategyID: o.initialized.strategyID, instrumentID: o.initialized.instrumentID,
            venueOrderID: o.venueOrderID, accountID: accountID, tsEvent: clock.now)))
    }

    func emitCancelRejected(_ slot: Int, _ reason: String, _ events: inout [OrderEvent]) {
        let o = orders[slot]
        events.append(.cancelRejected(OrderCancelRejected(
            clientOrderID: o.clientOrderID, strategyID: o.initialized.strategyID, instrumentID: o.initialized.instrumentID,
            venueOrderID: o.venueOrderID, accountID: accountID, reason: reason, tsEvent: clock.now)))
    }

    func emitModifyRejected(_ slot: Int, _ reason: String, _ events: inout [OrderEvent]) {
        let o = orders[slot]
        events.append(.modifyRejected(OrderModifyRejected(
            clientOrderID: o.clientOrderID, strategyID: o.initialized.strategyID, instrumentID: o.initialized.instrumentID,
            venueOrderID: o.venueOrderID, accountID: accountID, reason: reason, tsEvent: clock.now)))
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
}
