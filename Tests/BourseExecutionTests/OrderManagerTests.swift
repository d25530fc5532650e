import BourseCore
import BourseExecution
import Testing

@Suite("Order manager: own book, commands, bad input")
struct OrderManagerTests {
    @Test func duplicateClientOrderIDIsRefusedAndChangesNothing() throws {
        let h = try Harness()
        try h.submit(Fixture.order(1, .buy, .limit, price: "99.00"))
        let before = h.log
        let error = #expect(throws: OrderManagerError.self) { try h.submit(Fixture.order(1, .sell, .limit, price: "101.00")) }
        #expect(error == .duplicateClientOrderID(Fixture.id(1)))
        #expect(error?.description == "client order id O-1 is already used; choose a new id")
        #expect(h.log == before)
        #expect(h.oms.order(Fixture.id(1))?.side == .buy)
        #expect(h.venue.openOrderReports().count == 1)
    }

    @Test func duplicateInsideAListRefusesTheWholeList() throws {
        let h = try Harness()
        try h.submit(Fixture.order(1, .buy, .limit, price: "99.00"))
        #expect(throws: OrderManagerError.duplicateClientOrderID(Fixture.id(1))) {
            try h.submit(list: [Fixture.order(2, .buy, .limit, price: "98.00"), Fixture.order(1, .buy, .limit, price: "97.00")])
        }
        #expect(h.oms.order(Fixture.id(2)) == nil)
        #expect(h.venue.orderStatus(Fixture.id(2)) == nil)
    }

    @Test func cancelOfAnUnknownOrderIsRefused() throws {
        let h = try Harness()
        var events: [OrderEvent] = []
        #expect(throws: OrderManagerError.unknownOrder(Fixture.id(9))) {
            try h.oms.cancel(
                CancelOrder(clientOrderID: Fixture.id(9), strategyID: Fixture.strategy, instrumentID: Fixture.instrument.id, tsInit: Fixture.t0),
                events: &events)
        }
        #expect(events.isEmpty)
    }

    @Test func venueAnswersACancelForAnOrderItDoesNotKnowWithARejection() throws {
        let h = try Harness()
        var events: [OrderEvent] = []
        h.venue.cancel(
            CancelOrder(clientOrderID: Fixture.id(9), strategyID: Fixture.strategy, instrumentID: Fixture.instrument.id, tsInit: Fixture.t0),
            events: &events)
        #expect(events.map(EventLog.describe) == ["cancelRejected O-9: order O-9 is not known at SIM"])
    }

    @Test func modifyOfAFilledOrderIsRefusedAndChangesNothing() throws {
        let h = try Harness()
        try h.submit(Fixture.order(1, .buy, .market))
        try h.bar(1, "100.00", "101.00", "99.00", "100.50")
        let filled = try #require(h.oms.order(Fixture.id(1)))
        #expect(filled.status == .filled)
        var events: [OrderEvent] = []
        #expect(throws: OrderManagerError.orderClosed(Fixture.id(1), .filled)) {
            try h.oms.modify(
                ModifyOrder(clientOrderID: Fixture.id(1), strategyID: Fixture.strategy, instrumentID: Fixture.instrument.id,
                    quantity: Quantity(parsing: "20"), tsInit: h.clock.now),
                events: &events)
        }
        #expect(events.isEmpty)
        #expect(h.oms.order(Fixture.id(1)) == filled)
    }

    @Test func venueRejectsAModifyOfAFilledOrderWithAReason() throws {
        let h = try Harness()
        try h.submit(Fixture.order(1, .buy, .market))
        try h.bar(1, "100.00", "101.00", "99.00", "100.50")
        var events: [OrderEvent] = []
        h.venue.modify(
            ModifyOrder(clientOrderID: Fixture.id(1), strategyID: Fixture.strategy, instrumentID: Fixture.instrument.id,
                quantity: try Quantity(parsing: "20"), tsInit: h.clock.now),
            events: &events)
        #expect(events.map(EventLog.describe) == ["modifyRejected O-1: order is already FILLED"])
        #expect(h.venue.orderStatus(Fixture.id(1))?.quantity == (try Quantity(parsing: "10")))
    }

    @Test func modifyMovesALimitAndTheVenueMatchesTheNewPrice() throws {
        let h = try Harness()
        try h.submit(Fixture.order(1, .buy, .limit, price: "98.00"))
        try h.oms.modify(
            ModifyOrder(clientOrderID: Fixture.id(1), strategyID: Fixture.strategy, instrumentID: Fixture.instrument.id,
                quantity: Quantity(parsing: "15"), price: Price(parsing: "99.50"), tsInit: h.clock.now),
            events: &h.events)
        try h.bar(1, "100.00", "101.00", "99.00", "100.50")
        #expect(h.log == [
            "submitted O-1 +0m", "accepted O-1 +0m", "pendingUpdate O-1 +0m", "updated O-1 15 price 99.50 +0m",
            "filled O-1 15 @ 99.50 maker +1m",
        ])
        #expect(h.oms.order(Fixture.id(1))?.status == .filled)
    }

    @Test func modifyToAPriceOffTheTickIsRejectedByTheVenue() throws {
        let h = try Harness()
        try h.submit(Fixture.order(1, .buy, .limit, price: "98.00"))
        try h.oms.modify(
            ModifyOrder(clientOrderID: Fixture.id(1), strategyID: Fixture.strategy, instrumentID: Fixture.instrument.id,
                price: Price(parsing: "98.005"), tsInit: h.clock.now),
            events: &h.events)
        #expect(h.log.last == "modifyRejected O-1: price 98.005 must have 2 decimals")
        #expect(h.oms.order(Fixture.id(1))?.status == .accepted)
        #expect(h.oms.order(Fixture.id(1))?.price == (try Price(parsing: "98.00")))
    }

    @Test func modifyBelowTheFilledQuantityIsRefused() throws {
        let h = try Harness()
        var events: [OrderEvent] = []
        try h.submit(Fixture.order(1, .buy, .limit, price: "98.00"))
        #expect(throws: OrderManagerError.self) {
            try h.oms.modify(
                ModifyOrder(clientOrderID: Fixture.id(1), strategyID: Fixture.strategy, instrumentID: Fixture.instrument.id, tsInit: h.clock.now),
                events: &events)
        }
        #expect(events.isEmpty)
    }

    @Test func cancelAndCancelAll() throws {
        let h = try Harness()
        try h.submit(Fixture.order(1, .buy, .limit, price: "98.00"))
        try h.submit(Fixture.order(2, .buy, .limit, price: "97.00"))
        try h.submit(Fixture.order(3, .sell, .limit, price: "103.00"))
        try h.oms.cancel(
            CancelOrder(clientOrderID: Fixture.id(1), strategyID: Fixture.strategy, instrumentID: Fixture.instrument.id, tsInit: h.clock.now),
            events: &h.events)
        #expect(h.oms.openOrders(instrumentID: Fixture.instrument.id).map(\.clientOrderID) == [Fixture.id(2), Fixture.id(3)])
        h.oms.cancelAll(CancelAllOrders(strategyID: Fixture.strategy, instrumentID: Fixture.instrument.id, side: .buy, tsInit: h.clock.now), events: &h.events)
        #expect(h.oms.openOrders(strategyID: Fixture.strategy).map(\.clientOrderID) == [Fixture.id(3)])
        #expect(Array(h.log.suffix(4)) == ["pendingCancel O-1 +0m", "canceled O-1 +0m", "pendingCancel O-2 +0m", "canceled O-2 +0m"])
        #expect(throws: OrderManagerError.orderClosed(Fixture.id(1), .canceled)) {
            try h.oms.cancel(
                CancelOrder(clientOrderID: Fixture.id(1), strategyID: Fixture.strategy, instrumentID: Fixture.instrument.id, tsInit: h.clock.now),
                events: &h.events)
        }
        #expect(h.venue.openOrderReports().map(\.clientOrderID) == [Fixture.id(3)])
        #expect(h.oms.unappliedEvents.isEmpty)
    }

    @Test(arguments: [
        ("10.005", "10", "price 10.005 has more than 2 decimals"),
        ("100.00", "0.5", "quantity 0.5 has more than 0 decimals"),
        ("100.00", "200000", "quantity 200000 is above the maximum 100000"),
        ("0.50", "10", "notional 5.00 USD is below the minimum 10.00 USD"),
    ])
    func instrumentFiltersRejectWithTheReason(price: String, quantity: String, reason: String) throws {
        let h = try Harness()
        try h.submit(Fixture.order(1, .buy, .limit, quantity, price: price))
        #expect(h.log == ["submitted O-1 +0m", "rejected O-1: \(reason)"])
        #expect(h.oms.order(Fixture.id(1))?.status == .rejected)
        #expect(h.venue.openOrderReports().isEmpty)
    }

    @Test func ordersForAnInstrumentTheVenueDoesNotTradeAreRejected() throws {
        let h = try Harness()
        let order = try OrderInitialized(
            clientOrderID: Fixture.id(1), strategyID: Fixture.strategy, instrumentID: InstrumentID("OTHER.SIM"), side: .buy,
            type: .market, quantity: Quantity(parsing: "1"), tsInit: Fixture.t0)
        try h.submit(order)
        #expect(h.log == ["submitted O-1 +0m", "rejected O-1: instrument OTHER.SIM is not traded at SIM"])
    }

    @Test func submitOrderListChecksItsLinks() throws {
        let child = try Fixture.order(2, .sell, .limit, price: "101.00", links: OrderLinks(contingency: .none, parentOrderID: Fixture.id(7)))
        #expect(throws: OrderManagerError.self) {
            try SubmitOrderList(orderListID: OrderListID("L-1"), orders: [child], tsInit: Fixture.t0)
        }
        #expect(throws: OrderManagerError.invalidOrderList(try OrderListID("L-1"), "the list is empty")) {
            try SubmitOrderList(orderListID: OrderListID("L-1"), orders: [], tsInit: Fixture.t0)
        }
    }

    @Test func venueReportsForReconciliation() throws {
        let h = try Harness()
        try h.submit(Fixture.order(1, .buy, .market))
        try h.submit(Fixture.order(2, .sell, .limit, price: "105.00"))
        try h.bar(1, "100.00", "101.00", "99.00", "100.50")
        #expect(h.venue.positionReports() == [
            PositionStatusReport(instrumentID: Fixture.instrument.id, side: .long, quantity: try Quantity(parsing: "10"), tsLast: Fixture.time(minutes: 1))
        ])
        let open = h.venue.openOrderReports()
        #expect(open.map(\.clientOrderID) == [Fixture.id(2)])
        #expect(open.first == OrderStatusReport(try #require(h.oms.order(Fixture.id(2)))))
        #expect(h.venue.orderStatus(Fixture.id(1))?.status == .filled)
        #expect(h.venue.balanceReports().isEmpty)
    }
}

@Suite("Order manager: book queries and the event log")
struct OrderManagerBookTests {
    /// Two resting limits, one filled market order, one canceled limit.
    func book() throws -> Harness<StandardFillModel, InstrumentFeeModel, FixedLatency> {
        let h = try Harness()
        try h.submit(Fixture.order(1, .buy, .limit, price: "99.00"))
        try h.submit(Fixture.order(2, .sell, .limit, price: "105.00"))
        try h.submit(Fixture.order(3, .buy, .market))
        try h.submit(Fixture.order(4, .buy, .limit, price: "98.00"))
        try h.oms.cancel(
            CancelOrder(clientOrderID: Fixture.id(4), strategyID: Fixture.strategy, instrumentID: Fixture.instrument.id, tsInit: h.clock.now),
            events: &h.events)
        try h.bar(1, "100.00", "101.00", "99.50", "100.50")
        return h
    }

    @Test func closedOrdersKeepTheirWholeHistoryAndStatus() throws {
        let h = try book()
        #expect(h.oms.orderCount == 4)
        for id in (1...4).map(Fixture.id) {
            let order = try #require(h.oms.order(id))
            #expect(order.events.dropFirst().elementsEqual(h.events.filter { $0.clientOrderID == id }))
            #expect(h.oms.status(of: id) == order.status)
        }
        #expect(h.oms.order(Fixture.id(3))?.events.map(\.kind) == [.initialized, .submitted, .accepted, .filled])
        #expect(h.oms.order(Fixture.id(3))?.tradeIDs.count == 1)
        #expect(h.oms.status(of: Fixture.id(4)) == .canceled)
        #expect(h.oms.status(of: Fixture.id(9)) == nil)
    }

    @Test func openLeavesAddUpTheOpenOrdersPerSide() throws {
        let h = try book()
        #expect(h.oms.openOrders().map(\.clientOrderID) == [Fixture.id(1), Fixture.id(2)])
        let leaves = h.oms.openLeavesRaw(instrumentID: Fixture.instrument.id)
        #expect(leaves.buy == 10 && leaves.sell == 10)
    }

    @Test func purgingKeepsTheOpenOrdersWithTheirHistory() throws {
        let h = try book()
        let before = h.oms.openOrders()
        h.oms.purgeClosedOrders()
        #expect(h.oms.orderCount == 2)
        #expect(h.oms.openOrders() == before)
        #expect(h.oms.order(Fixture.id(3)) == nil)
        // The book still applies new events after the purge.
        try h.bar(2, "100.00", "106.00", "99.50", "105.50")
        #expect(h.oms.order(Fixture.id(2))?.events.map(\.kind) == [.initialized, .submitted, .accepted, .filled])
        #expect(h.oms.unappliedEvents.isEmpty)
    }

    @Test func venuePurgeKeepsOpenOrdersFindableMatchableAndCancelable() throws {
        let h = try book()
        h.venue.purgeClosedOrders()
        #expect(h.venue.orderStatus(Fixture.id(3)) == nil)
        #expect(h.venue.orderStatus(Fixture.id(4)) == nil)
        #expect(h.venue.orderStatus(Fixture.id(1))?.status == .accepted)
        #expect(h.venue.orderStatus(Fixture.id(2))?.status == .accepted)
        #expect(h.venue.openOrderReports().map(\.clientOrderID) == [Fixture.id(1), Fixture.id(2)])
        // Order 2 (sell 105.00) still matches; order 1 (buy 99.00) is still cancelable.
        try h.bar(2, "100.00", "106.00", "99.50", "105.50")
        #expect(h.log.suffix(1) == ["filled O-2 10 @ 105.00 maker +2m"])
        try h.oms.cancel(
            CancelOrder(clientOrderID: Fixture.id(1), strategyID: Fixture.strategy, instrumentID: Fixture.instrument.id, tsInit: h.clock.now),
            events: &h.events)
        #expect(h.log.suffix(2) == ["pendingCancel O-1 +2m", "canceled O-1 +2m"])
        #expect(h.venue.orderStatus(Fixture.id(1))?.status == .canceled)
        #expect(h.venue.openOrderReports().isEmpty)
    }
}

@Suite("Latency races")
struct LatencyRaceTests {
    @Test func cancelArrivingAfterTheFillIsRejectedAndTheBookKeepsTheFill() throws {
        let h = try Harness(fills: StandardFillModel(), fees: InstrumentFeeModel(), latency: FixedLatency(submit: .zero, modify: .zero, cancel: .seconds(90)))
        try h.submit(Fixture.order(1, .buy, .limit, price: "99.50"))
        try h.oms.cancel(
            CancelOrder(clientOrderID: Fixture.id(1), strategyID: Fixture.strategy, instrumentID: Fixture.instrument.id, tsInit: h.clock.now),
            events: &h.events)
        try h.bar(1, "100.00", "101.00", "99.00", "100.50")  // fills while the cancel travels
        try h.advance(seconds: 90)
        #expect(h.log == [
            "submitted O-1 +0m", "accepted O-1 +0m", "pendingCancel O-1 +0m", "filled O-1 10 @ 99.50 maker +1m",
            "cancelRejected O-1: order is already FILLED",
        ])
        #expect(h.oms.order(Fixture.id(1))?.status == .filled)
        // The late rejection cannot apply to a filled order: the book records it instead of failing.
        #expect(h.oms.unappliedEvents.map(\.reason) == ["order O-1: event cancelRejected is not allowed in status FILLED"])
    }
}
