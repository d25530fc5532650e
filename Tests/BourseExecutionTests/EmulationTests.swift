import BourseCore
import BourseExecution
import Testing

@Suite("Order emulation for venues that lack order types or contingent orders")
struct EmulationTests {
    @Test func heldBuyStopTriggersOnTheAskAndReachesTheVenueAsAMarketOrder() throws {
        let h = try EmulationHarness()
        try h.quote(1, bid: "99.98", ask: "100.02")
        try h.submit(Fixture.order(1, .buy, .stopMarket, trigger: "100.50", at: h.clock.now))
        #expect(h.log == ["submitted O-1 +1s", "accepted O-1 +1s"])
        #expect(h.oms.order(Fixture.id(1))?.venueOrderID == (try VenueOrderID("EMU-1")))
        #expect(h.recorder.submitted.isEmpty)
        try h.quote(2, bid: "100.40", ask: "100.49")
        #expect(h.fills.isEmpty)
        try h.quote(3, bid: "100.55", ask: "100.60")
        // The same events and price the venue gives when it holds the stop itself.
        #expect(Array(h.log.suffix(2)) == ["triggered O-1 +3s", "filled O-1 10 @ 100.60 taker +3s"])
        #expect(h.venueOrderTypes == [.market])
        #expect(h.recorder.submitted.first?.triggerPrice == nil)
        #expect(h.fills.first?.orderType == .stopMarket)
        #expect(h.oms.order(Fixture.id(1))?.status == .filled)
        #expect(h.oms.unappliedEvents.isEmpty)
    }

    /// "Fills since" through the emulator are the venue's fills as the venue made them (a released
    /// stop as the market order it was released as); `withOrderType` gives one back the type the
    /// strategy submitted, exactly as the order manager saw it (the journal's recovery does that).
    @Test func fillsSinceAreTheVenuesAndTakeTheSubmittedTypeBack() throws {
        let h = try EmulationHarness()
        try h.quote(1, bid: "99.98", ask: "100.02")
        try h.submit(Fixture.order(1, .buy, .stopMarket, trigger: "100.50", at: h.clock.now))
        try h.submit(Fixture.order(2, .buy, .market, at: h.clock.now))
        try h.quote(3, bid: "100.55", ask: "100.60")
        try h.quote(4, bid: "100.55", ask: "100.60")  // the emulator forgets the closed stop here
        let fills = try #require(h.emulator.fills(since: Fixture.t0, after: nil))
        #expect(fills == h.venue.fills(since: Fixture.t0, after: nil))
        #expect(fills.map(\.orderType) == [.market, .market])
        #expect(zip(fills, [OrderType.market, .stopMarket]).map { $0.withOrderType($1) } == h.fills)
        #expect(h.emulator.fills(since: Fixture.t0, after: fills[0].tradeID) == [fills[1]])
    }

    @Test func stopLimitIsReleasedAsALimitAtItsPrice() throws {
        let h = try EmulationHarness()
        try h.trade(1, "100.00")
        try h.submit(Fixture.order(1, .sell, .stopLimit, price: "99.40", trigger: "99.50", at: h.clock.now))
        try h.trade(2, "99.30")  // a gap through the trigger and the limit: the limit rests
        #expect(Array(h.log.suffix(1)) == ["triggered O-1 +2s"])
        #expect(h.venueOrderTypes == [.limit])
        #expect(h.recorder.submitted.first?.price == (try Price(parsing: "99.40")))
        try h.trade(3, "99.50")
        #expect(h.log.last == "filled O-1 10 @ 99.40 maker +3s")
        #expect(h.oms.unappliedEvents.isEmpty)
    }

    @Test(arguments: [
        (OrderSide.buy, OrderType.marketIfTouched, "99.50", ["99.60", "99.50"]),
        (.sell, .marketIfTouched, "100.50", ["100.40", "100.50"]),
        (.buy, .limitIfTouched, "99.50", ["99.60", "99.50"]),
    ])
    func ifTouchedOrdersTriggerWhenTheMarketMovesTheirWay(
        _ side: OrderSide, _ type: OrderType, _ trigger: String, _ prices: [String]
    ) throws {
        let h = try EmulationHarness()
        try h.trade(1, "100.00")
        let price: String? = type == .limitIfTouched ? trigger : nil
        try h.submit(Fixture.order(1, side, type, price: price, trigger: trigger, at: h.clock.now))
        try h.trade(2, prices[0])
        #expect(!h.log.contains("triggered O-1 +2s"))
        try h.trade(3, prices[1])
        #expect(h.log.contains("triggered O-1 +3s"))
        #expect(h.venueOrderTypes == [type == .limitIfTouched ? .limit : .market])
    }

    @Test func trailingStopFollowsTheMarketInTicksThenTriggers() throws {
        let h = try EmulationHarness()
        try h.trade(1, "100.00")
        try h.submit(
            OrderInitialized(
                clientOrderID: Fixture.id(1), strategyID: Fixture.strategy, instrumentID: Fixture.instrument.id, side: .sell,
                type: .trailingStopMarket, quantity: Quantity(parsing: "10"),
                trailingOffset: TrailingOffset(Price(parsing: "50"), type: .ticks), tsInit: h.clock.now))
        try h.trade(2, "100.20")
        try h.trade(3, "100.10")  // a fall does not move a sell trail down
        try h.trade(4, "100.40")
        try h.trade(5, "99.90")
        let updates = h.log.filter { $0.hasPrefix("updated") }
        // Armed at once from the last trade (100.00 − 50 ticks), then only tightened.
        #expect(updates == ["updated O-1 10 trigger 99.50 +1s", "updated O-1 10 trigger 99.70 +2s", "updated O-1 10 trigger 99.90 +4s"])
        #expect(Array(h.log.suffix(2)) == ["triggered O-1 +5s", "filled O-1 10 @ 99.90 taker +5s"])
        #expect(h.venueOrderTypes == [.market])
    }
}
