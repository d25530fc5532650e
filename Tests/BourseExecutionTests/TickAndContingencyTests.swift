import BourseCore
import BourseExecution
import Testing

@Suite("Quotes, trades, post-only, reduce-only, contingent orders")
struct TickAndContingencyTests {
    @Test func marketOrdersTakeTheFarSideOfTheQuote() throws {
        let h = try Harness()
        try h.quote(1, bid: "99.98", ask: "100.02")
        try h.submit(Fixture.order(1, .buy, .market, at: h.clock.now))
        try h.submit(Fixture.order(2, .sell, .market, at: h.clock.now))
        #expect(h.fills.map { "\($0.clientOrderID) \($0.lastPrice) \($0.liquiditySide)" } == ["O-1 100.02 taker", "O-2 99.98 taker"])
    }

    @Test func restingLimitFillsWhenTheQuoteTradesThroughIt() throws {
        let h = try Harness()
        try h.quote(1, bid: "99.98", ask: "100.02")
        try h.submit(Fixture.order(1, .buy, .limit, price: "99.90", at: h.clock.now))
        try h.quote(2, bid: "99.85", ask: "99.90")  // touches: no fill on trade-through policy
        #expect(h.fills.isEmpty)
        try h.quote(3, bid: "99.80", ask: "99.85")
        #expect(h.log.last == "filled O-1 10 @ 99.90 maker +3s")
    }

    @Test func marketableLimitOnArrivalTakesTheQuote() throws {
        let h = try Harness()
        try h.quote(1, bid: "99.98", ask: "100.02")
        try h.submit(Fixture.order(1, .buy, .limit, price: "100.10", at: h.clock.now))
        #expect(h.log.last == "filled O-1 10 @ 100.02 taker +1s")
    }

    @Test func stopsTriggerOnTheFarSideOfTheQuote() throws {
        let h = try Harness()
        try h.quote(1, bid: "99.98", ask: "100.02")
        try h.submit(Fixture.order(1, .buy, .stopMarket, trigger: "100.50", at: h.clock.now))
        try h.quote(2, bid: "100.40", ask: "100.49")
        #expect(h.fills.isEmpty)
        try h.quote(3, bid: "100.55", ask: "100.60")
        #expect(Array(h.log.suffix(2)) == ["triggered O-1 +3s", "filled O-1 10 @ 100.60 taker +3s"])
    }

    @Test(arguments: [(LimitFillPolicy.onTradeThrough, false), (.onTouch, true)])
    func limitOnTrades(_ policy: LimitFillPolicy, fillsOnTouch: Bool) throws {
        let h = try Harness(configuration: .test(limitFill: policy))
        try h.trade(1, "100.00")
        try h.submit(Fixture.order(1, .sell, .limit, price: "100.50", at: h.clock.now))
        try h.trade(2, "100.50")
        #expect(h.fills.isEmpty != fillsOnTouch)
        try h.trade(3, "100.60")
        #expect(h.fills.map(\.lastPrice) == [try Price(parsing: "100.50")])
    }

    @Test func postOnlyLimitThatWouldTakeIsRejected() throws {
        let h = try Harness()
        try h.quote(1, bid: "99.98", ask: "100.02")
        try h.submit(Fixture.order(1, .buy, .limit, price: "100.02", postOnly: true, at: h.clock.now))
        try h.submit(Fixture.order(2, .buy, .limit, price: "100.00", postOnly: true, at: h.clock.now))
        #expect(h.log == [
            "submitted O-1 +1s", "rejected O-1: post-only BUY limit at 100.02 would take liquidity at 100.02",
            "submitted O-2 +1s", "accepted O-2 +1s",
        ])
    }

    @Test func reduceOnlyIsEnforced() throws {
        let h = try Harness()
        try h.quote(1, bid: "99.98", ask: "100.02")
        try h.submit(Fixture.order(1, .sell, .market, reduceOnly: true, at: h.clock.now))
        #expect(h.log.last == "rejected O-1: reduce-only SELL order would open or increase a position (position is flat)")
        try h.submit(Fixture.order(2, .buy, .market, at: h.clock.now))
        try h.submit(Fixture.order(3, .sell, .limit, "15", price: "101.00", reduceOnly: true, at: h.clock.now))
        #expect(h.log.last == "rejected O-3: reduce-only SELL order for 15 exceeds the open position of 10")
        try h.submit(Fixture.order(4, .sell, .limit, "10", price: "101.00", reduceOnly: true, at: h.clock.now))
        try h.submit(Fixture.order(5, .sell, .limit, "10", price: "101.00", reduceOnly: true, at: h.clock.now))
        try h.quote(2, bid: "101.10", ask: "101.12")
        // The first reduce-only sell closes the position; the second has nothing left to reduce.
        #expect(Array(h.log.suffix(2)) == ["filled O-4 10 @ 101.00 maker +2s", "canceled O-5 +2s"])
        #expect(h.venue.netPosition(Fixture.instrument.id)?.side == .flat)
    }

    @Test func insufficientCashIsRejectedWithTheReason() throws {
        let h = try Harness(configuration: .test(startingBalances: [try Money(parsing: "500", .USD)]))
        try h.quote(1, bid: "99.98", ask: "100.02")
        try h.submit(Fixture.order(1, .buy, .limit, price: "100.00", at: h.clock.now))
        #expect(h.log.last == "rejected O-1: account SIM-001: insufficient funds: 1000.00 USD required, 500.00 USD free")
        try h.submit(Fixture.order(2, .buy, .market, "4", at: h.clock.now))
        #expect(h.venue.balanceReports().first?.total == (try Money(parsing: "99.92", .USD)))
    }

    // MARK: Contingent orders

    private func bracket(_ h: Harness<StandardFillModel, InstrumentFeeModel, FixedLatency>, quantity: String = "10") throws {
        let b = try BracketOrder(
            orderListID: OrderListID("B-1"), entryID: Fixture.id(1), takeProfitID: Fixture.id(2), stopLossID: Fixture.id(3),
            strategyID: Fixture.strategy, instrumentID: Fixture.instrument.id, side: .buy, quantity: Quantity(parsing: quantity),
            takeProfitPrice: Price(parsing: "102.00"), stopLossTriggerPrice: Price(parsing: "98.00"), tsInit: h.clock.now)
        try h.oms.submit(SubmitOrderList(bracket: b, tsInit: h.clock.now), events: &h.events)
    }

    @Test func bracketChildrenWaitForTheEntryThenOneCancelsTheOther() throws {
        let h = try Harness()
        try bracket(h)
        // Before the entry fills, a bar through both exits does nothing to them.
        #expect(h.venue.openOrderReports().map(\.status) == [.accepted, .accepted, .accepted])
        try h.bar(1, "100.00", "101.00", "99.00", "100.50")
        try h.bar(2, "100.50", "102.50", "100.00", "102.20")
        #expect(h.log == [
            "submitted O-1 +0m", "submitted O-2 +0m", "submitted O-3 +0m", "accepted O-1 +0m", "accepted O-2 +0m",
            "accepted O-3 +0m", "filled O-1 10 @ 100.00 taker +1m", "filled O-2 10 @ 102.00 maker +2m", "canceled O-3 +2m",
        ])
        #expect(h.oms.openOrders().isEmpty)
        #expect(h.oms.unappliedEvents.isEmpty)
    }

    @Test func bracketStopLossHitLaterInTheSameBarAsTheEntry() throws {
        let h = try Harness()
        try bracket(h)
        // Open nearer the high: path 100 → 100.20 → 97.50 → 98.00; the stop fills at 98.00.
        try h.bar(1, "100.00", "100.20", "97.50", "98.00")
        #expect(Array(h.log.suffix(4)) == [
            "filled O-1 10 @ 100.00 taker +1m", "triggered O-3 +1m", "filled O-3 10 @ 98.00 taker +1m", "canceled O-2 +1m",
        ])
    }

    @Test func bracketChildrenAreResizedOnPartialEntryFills() throws {
        let h = try Harness(
            fills: StandardFillModel(participation: try Rate(parsing: "0.1")), fees: InstrumentFeeModel(), latency: FixedLatency.zero)
        let b = try BracketOrder(
            orderListID: OrderListID("B-1"), entryID: Fixture.id(1), takeProfitID: Fixture.id(2), stopLossID: Fixture.id(3),
            strategyID: Fixture.strategy, instrumentID: Fixture.instrument.id, side: .buy, quantity: Quantity(parsing: "30"),
            takeProfitPrice: Price(parsing: "110.00"), stopLossTriggerPrice: Price(parsing: "90.00"), tsInit: h.clock.now)
        try h.oms.submit(SubmitOrderList(bracket: b, tsInit: h.clock.now), events: &h.events)
        try h.bar(1, "100.00", "101.00", "99.00", "100.50", volume: "100")
        try h.bar(2, "100.50", "101.00", "99.00", "100.50", volume: "1000")
        #expect(Array(h.log.suffix(6)) == [
            "filled O-1 10 @ 100.00 taker +1m", "updated O-2 10 price 110.00 +1m", "updated O-3 10 trigger 90.00 +1m",
            "filled O-1 20 @ 100.50 taker +2m", "updated O-2 30 price 110.00 +2m", "updated O-3 30 trigger 90.00 +2m",
        ])
        #expect(h.oms.order(Fixture.id(2))?.quantity == (try Quantity(parsing: "30")))
        #expect(h.oms.unappliedEvents.isEmpty)
    }

    @Test func cancelingAnUnfilledEntryCancelsTheBracketChildren() throws {
        let h = try Harness()
        try bracket(h)
        try h.oms.cancel(
            CancelOrder(clientOrderID: Fixture.id(1), strategyID: Fixture.strategy, instrumentID: Fixture.instrument.id, tsInit: h.clock.now),
            events: &h.events)
        #expect(Array(h.log.suffix(4)) == ["pendingCancel O-1 +0m", "canceled O-1 +0m", "canceled O-2 +0m", "canceled O-3 +0m"])
        #expect(h.oms.openOrders().isEmpty)
    }

    @Test func ocoPairOneFillsTheOtherIsCanceled() throws {
        let h = try Harness()
        try h.submit(list: [
            Fixture.order(1, .buy, .limit, price: "99.00", links: OrderLinks(contingency: .oco, linkedOrderIDs: [Fixture.id(2)])),
            Fixture.order(2, .buy, .stopMarket, trigger: "101.00", links: OrderLinks(contingency: .oco, linkedOrderIDs: [Fixture.id(1)])),
        ])
        try h.bar(1, "100.00", "101.50", "98.50", "100.00")  // tie → open-low-high-close: the limit first
        #expect(Array(h.log.suffix(2)) == ["filled O-1 10 @ 99.00 maker +1m", "canceled O-2 +1m"])
    }

    @Test func ouoFillReducesTheLinkedOrder() throws {
        let h = try Harness()
        try h.submit(list: [
            Fixture.order(1, .sell, .limit, "4", price: "101.00", links: OrderLinks(contingency: .ouo, linkedOrderIDs: [Fixture.id(2)])),
            Fixture.order(2, .sell, .limit, "10", price: "105.00", links: OrderLinks(contingency: .ouo, linkedOrderIDs: [Fixture.id(1)])),
        ])
        try h.bar(1, "100.00", "101.50", "99.50", "100.00")
        #expect(Array(h.log.suffix(2)) == ["filled O-1 4 @ 101.00 maker +1m", "updated O-2 6 price 105.00 +1m"])
    }

    @Test func otoChildWaitsForItsParent() throws {
        let h = try Harness()
        try h.submit(list: [
            Fixture.order(1, .buy, .limit, price: "99.00", links: OrderLinks(contingency: .oto, linkedOrderIDs: [Fixture.id(2)])),
            Fixture.order(2, .sell, .limit, price: "100.50", links: OrderLinks(contingency: .none, parentOrderID: Fixture.id(1))),
        ])
        try h.bar(1, "100.00", "101.00", "99.50", "100.00")
        #expect(h.fills.isEmpty)  // the child would have filled at 100.50 had it been working
        try h.bar(2, "99.20", "101.00", "98.50", "100.00")  // open nearer the low: 99.00 then 100.50
        #expect(h.fills.map { "\($0.clientOrderID) \($0.lastPrice)" } == ["O-1 99.00", "O-2 100.50"])
    }
}

@Suite("Trailing stops")
struct TrailingStopTests {
    private func trailing(_ type: OrderType, _ side: OrderSide, _ offset: TrailingOffset) throws -> OrderInitialized {
        try OrderInitialized(
            clientOrderID: Fixture.id(1), strategyID: Fixture.strategy, instrumentID: Fixture.instrument.id, side: side,
            type: type, quantity: Quantity(parsing: "10"), trailingOffset: offset, tsInit: Fixture.t0)
    }

    @Test func sellTrailingStopFollowsTheRiseAndFillsOnTheWayDown() throws {
        let h = try Harness()
        try h.submit(trailing(.trailingStopMarket, .sell, TrailingOffset(Price(parsing: "1.00"), type: .price)))
        // Open nearer the low: 100 → 100 → 102 → 101.50; the trigger rises to 101.00.
        try h.bar(1, "100.00", "102.00", "100.00", "101.50")
        // Open nearer the high: 101.20 → 101.50 → 100.50: the trigger is hit at 101.00.
        try h.bar(2, "101.20", "101.50", "100.50", "100.80")
        #expect(h.log == [
            "submitted O-1 +0m", "accepted O-1 +0m", "updated O-1 10 trigger 99.00 +1m", "updated O-1 10 trigger 101.00 +1m",
            "triggered O-1 +2m", "filled O-1 10 @ 101.00 taker +2m",
        ])
        #expect(h.oms.unappliedEvents.isEmpty)
    }

    @Test func buyTrailingStopInTicksOnQuotes() throws {
        let h = try Harness()
        try h.quote(1, bid: "99.98", ask: "100.00")
        try h.submit(trailing(.trailingStopMarket, .buy, TrailingOffset(Price(parsing: "5"), type: .ticks)))
        try h.quote(2, bid: "99.88", ask: "99.90")
        try h.quote(3, bid: "99.93", ask: "99.95")  // ask 99.95 = trigger: triggers
        #expect(Array(h.log.suffix(5)) == [
            "accepted O-1 +1s", "updated O-1 10 trigger 100.05 +1s", "updated O-1 10 trigger 99.95 +2s", "triggered O-1 +3s",
            "filled O-1 10 @ 99.95 taker +3s",
        ])
    }

    @Test func trailingStopLimitInBasisPointsSetsItsLimitFromTheTrigger() throws {
        let h = try Harness()
        try h.quote(1, bid: "100.00", ask: "100.02")
        // 50 bps of 100.00 = 0.50 below the bid; limit 20 bps of the trigger (0.199 → 0.20) below it.
        try h.submit(trailing(.trailingStopLimit, .sell, TrailingOffset(Price(parsing: "50"), limitOffset: Price(parsing: "20"), type: .basisPoints)))
        #expect(h.log.last == "updated O-1 10 price 99.30 trigger 99.50 +1s")
    }
}
