import BourseCore
import BourseExecution
import Testing

@Suite("Contingent orders linked by the emulator for venues that cannot link them")
struct EmulatedContingencyTests {
    private func bracket(_ h: EmulationHarness, quantity: String = "10", entry: String? = nil) throws {
        let b = try BracketOrder(
            orderListID: OrderListID("B-1"), entryID: Fixture.id(1), takeProfitID: Fixture.id(2), stopLossID: Fixture.id(3),
            strategyID: Fixture.strategy, instrumentID: Fixture.instrument.id, side: .buy, quantity: Quantity(parsing: quantity),
            entryPrice: entry.map { try Price(parsing: $0) }, takeProfitPrice: Price(parsing: "102.00"),
            stopLossTriggerPrice: Price(parsing: "98.00"), tsInit: h.clock.now)
        try h.oms.submit(SubmitOrderList(bracket: b, tsInit: h.clock.now), events: &h.events)
    }

    @Test func bracketChildrenWaitForTheEntryThenTheTakeProfitCancelsTheHeldStop() throws {
        let h = try EmulationHarness()
        try bracket(h)
        // Only the entry reaches the venue; the children wait, still initialized.
        #expect(h.log == ["submitted O-1 +0m", "accepted O-1 +0m"])
        #expect(h.oms.order(Fixture.id(2))?.status == .initialized)
        #expect(h.oms.order(Fixture.id(3))?.status == .initialized)
        try h.bar(1, "100.00", "101.00", "99.00", "100.50")
        // Entry filled at the open → take-profit sent to the venue, stop-loss held by the emulator.
        #expect(Array(h.log.suffix(5)) == [
            "filled O-1 10 @ 100.00 taker +1m", "submitted O-2 +1m", "accepted O-2 +1m", "submitted O-3 +1m",
            "accepted O-3 +1m",
        ])
        try h.bar(2, "100.50", "102.50", "100.00", "102.20")
        #expect(Array(h.log.suffix(2)) == ["filled O-2 10 @ 102.00 maker +2m", "canceled O-3 +2m"])
        #expect(h.venueOrderTypes == [.market, .limit])
        #expect(h.recorder.submitted.allSatisfy { $0.links == .none })
        #expect(h.oms.openOrders().isEmpty)
        #expect(h.oms.unappliedEvents.isEmpty)
    }

    @Test func bracketStopLossTriggersAndTheVenueCancelsTheTakeProfit() throws {
        let h = try EmulationHarness()
        try bracket(h)
        try h.bar(1, "100.00", "101.00", "99.00", "100.50")
        try h.bar(2, "100.50", "100.60", "97.50", "97.80")
        #expect(h.log.contains("triggered O-3 +2m"))
        // Released as a market order, it fills at the venue's next price: the next bar's open.
        try h.bar(3, "97.70", "98.20", "97.40", "97.90")
        #expect(Array(h.log.suffix(3)) == ["filled O-3 10 @ 97.70 taker +3m", "pendingCancel O-2 +3m", "canceled O-2 +3m"])
        #expect(h.recorder.canceled == [Fixture.id(2)])
        #expect(h.venueOrderTypes == [.market, .limit, .market])
        #expect(h.oms.openOrders().isEmpty)
        #expect(h.oms.unappliedEvents.isEmpty)
    }

    @Test func childrenAreCanceledWhenTheEntryIsCanceledUnfilled() throws {
        let h = try EmulationHarness()
        try bracket(h, entry: "99.00")
        try h.oms.cancel(
            CancelOrder(clientOrderID: Fixture.id(1), strategyID: Fixture.strategy, instrumentID: Fixture.instrument.id, tsInit: h.clock.now),
            events: &h.events)
        #expect(Array(h.log.suffix(3)) == ["canceled O-1 +0m", "canceled O-2 +0m", "canceled O-3 +0m"])
        #expect(h.venueOrderTypes == [.limit])
        #expect(h.oms.openOrders().isEmpty)
        #expect(h.oms.unappliedEvents.isEmpty)
    }

    @Test func childrenFollowPartialEntryFills() throws {
        let h = try EmulationHarness(fills: StandardFillModel(participation: try Rate(parsing: "0.1")))
        try bracket(h, quantity: "30")
        try h.bar(1, "100.00", "101.00", "99.00", "100.50", volume: "100")
        #expect(h.oms.order(Fixture.id(2))?.quantity == (try Quantity(parsing: "10")))
        #expect(h.oms.order(Fixture.id(3))?.quantity == (try Quantity(parsing: "10")))
        try h.bar(2, "100.50", "101.00", "99.00", "100.50", volume: "1000")
        #expect(h.oms.order(Fixture.id(1))?.status == .filled)
        // The venue's take-profit is modified; the held stop is updated by the emulator.
        #expect(h.recorder.modified.map(\.quantity) == [try Quantity(parsing: "30")])
        #expect(h.oms.order(Fixture.id(2))?.quantity == (try Quantity(parsing: "30")))
        #expect(h.oms.order(Fixture.id(3))?.quantity == (try Quantity(parsing: "30")))
        #expect(h.log.contains("updated O-3 30 trigger 98.00 +2m"))
        #expect(h.oms.unappliedEvents.isEmpty)
    }

    @Test func ocoFillOfOneLegCancelsTheOtherAtTheVenue() throws {
        let h = try EmulationHarness()
        let links = { (other: Int) in OrderLinks(contingency: .oco, linkedOrderIDs: [Fixture.id(other)]) }
        try h.submit(list: [
            try Fixture.order(1, .sell, .limit, price: "101.00", links: links(2)),
            try Fixture.order(2, .buy, .limit, price: "99.00", links: links(1)),
        ])
        try h.bar(1, "100.00", "101.50", "99.50", "101.20")
        #expect(Array(h.log.suffix(3)) == ["filled O-1 10 @ 101.00 maker +1m", "pendingCancel O-2 +1m", "canceled O-2 +1m"])
        #expect(h.recorder.canceled == [Fixture.id(2)])
        #expect(h.oms.unappliedEvents.isEmpty)
    }

    @Test func ouoPartialFillReducesTheOtherLeg() throws {
        let h = try EmulationHarness(fills: StandardFillModel(participation: try Rate(parsing: "0.1")))
        let links = { (other: Int) in OrderLinks(contingency: .ouo, linkedOrderIDs: [Fixture.id(other)]) }
        try h.submit(list: [
            try Fixture.order(1, .sell, .limit, "30", price: "101.00", links: links(2)),
            try Fixture.order(2, .sell, .limit, "30", price: "102.00", links: links(1)),
        ])
        try h.bar(1, "100.00", "101.50", "99.50", "101.20", volume: "100")
        #expect(h.oms.order(Fixture.id(1))?.filledQuantity == (try Quantity(parsing: "10")))
        #expect(h.oms.order(Fixture.id(2))?.quantity == (try Quantity(parsing: "20")))
        #expect(h.recorder.modified.map(\.clientOrderID) == [Fixture.id(2)])
        #expect(h.oms.unappliedEvents.isEmpty)
    }

    @Test func nativeContingenciesPassStraightThrough() throws {
        let h = try EmulationHarness(capabilities: .everything)
        try bracket(h)
        // The venue links them itself: all three reach it with their links, nothing is held.
        #expect(h.recorder.submitted.map(\.links.contingency) == [.oto, .oco, .oco])
        #expect(h.emulator.localOrders.isEmpty)
    }
}

@Suite("Emulated order commands and bad input")
struct EmulatedCommandTests {
    @Test func heldOrderIsModifiedAndCanceledWithoutReachingTheVenue() throws {
        let h = try EmulationHarness()
        try h.trade(1, "100.00")
        try h.submit(Fixture.order(1, .buy, .stopMarket, trigger: "100.50", at: h.clock.now))
        try h.oms.modify(
            ModifyOrder(
                clientOrderID: Fixture.id(1), strategyID: Fixture.strategy, instrumentID: Fixture.instrument.id,
                triggerPrice: try Price(parsing: "101.00"), tsInit: h.clock.now), events: &h.events)
        #expect(h.log.last == "updated O-1 10 trigger 101.00 +1s")
        try h.trade(2, "100.60")  // above the old trigger, below the new one
        #expect(!h.log.contains { $0.hasPrefix("triggered") })
        try h.oms.cancel(
            CancelOrder(clientOrderID: Fixture.id(1), strategyID: Fixture.strategy, instrumentID: Fixture.instrument.id, tsInit: h.clock.now),
            events: &h.events)
        #expect(h.log.last == "canceled O-1 +2s")
        #expect(h.recorder.submitted.isEmpty && h.recorder.canceled.isEmpty)
        #expect(h.oms.order(Fixture.id(1))?.status == .canceled)
    }

    @Test func heldGoodTillDateOrderExpires() throws {
        let h = try EmulationHarness()
        try h.submit(Fixture.order(1, .buy, .stopMarket, trigger: "100.50", tif: .gtd(expiry: Fixture.t0 + .seconds(30))))
        try h.trade(10, "100.00")
        #expect(h.oms.order(Fixture.id(1))?.status == .accepted)
        try h.trade(30, "100.60")  // expiry comes before the trigger at the same instant
        #expect(Array(h.log.suffix(1)) == ["expired O-1 +30s"])
        #expect(h.recorder.submitted.isEmpty)
    }

    @Test func trailingOrderForAnInstrumentTheEmulatorDoesNotKnowIsRejected() throws {
        let h = try EmulationHarness(instruments: [])
        try h.submit(
            OrderInitialized(
                clientOrderID: Fixture.id(1), strategyID: Fixture.strategy, instrumentID: Fixture.instrument.id, side: .sell,
                type: .trailingStopMarket, quantity: Quantity(parsing: "10"),
                trailingOffset: TrailingOffset(Price(parsing: "1.00"), type: .price), tsInit: h.clock.now))
        #expect(h.log.last == "rejected O-1: the order emulator has no instrument TEST.SIM to trail TRAILING_STOP_MARKET orders in")
        #expect(h.oms.order(Fixture.id(1))?.status == .rejected)
    }

    @Test func modifyingTheTriggerOfAReleasedOrderIsRejected() throws {
        let h = try EmulationHarness()
        try h.trade(1, "100.00")
        try h.submit(Fixture.order(1, .sell, .stopLimit, price: "99.60", trigger: "99.50", at: h.clock.now))
        try h.trade(2, "99.50")
        try h.oms.modify(
            ModifyOrder(
                clientOrderID: Fixture.id(1), strategyID: Fixture.strategy, instrumentID: Fixture.instrument.id,
                triggerPrice: try Price(parsing: "99.40"), tsInit: h.clock.now), events: &h.events)
        #expect(h.log.last == "modifyRejected O-1: the order was triggered and released to the venue: it has no trigger price any more")
        #expect(h.oms.order(Fixture.id(1))?.triggerPrice == (try Price(parsing: "99.50")))
    }
}
