import BourseCore
import BourseExecution
import Testing

@Suite("Simulated venue: fill history retention and queries")
struct FillHistoryTests {
    /// A venue on close fills (market orders fill at once) keeping `capacity` fills; `count`
    /// market orders, one per minute, each filled at once.
    private func venue(capacity: Int, fills count: Int) throws -> Harness<StandardFillModel, InstrumentFeeModel, FixedLatency> {
        var configuration = SimulatedVenueConfiguration.test(barExecution: .onClose)
        configuration.fillHistoryCapacity = capacity
        let h = try Harness(configuration: configuration)
        try h.bar(0, "100.00", "101.00", "99.00", "100.00")
        for n in 1...count {
            try h.clock.advance(to: Fixture.time(minutes: Int64(n)))
            try h.submit(Fixture.order(n, n % 2 == 0 ? .sell : .buy, .market))
        }
        #expect(h.fills.count == count)
        return h
    }

    @Test func answersFromTheFirstFillAtOrAfterTheTime() throws {
        let h = try venue(capacity: 100, fills: 10)
        let all = try #require(h.venue.fills(since: Fixture.t0, after: nil))
        #expect(all == h.fills)
        // Each minute's fill: from minute 4 on, exactly (binary search on the time).
        for minute in 0...11 {
            let since = try #require(h.venue.fills(since: Fixture.time(minutes: Int64(minute)), after: nil))
            #expect(since == Array(h.fills.drop(while: { $0.tsEvent < Fixture.time(minutes: Int64(minute)) })))
        }
        #expect(h.venue.fills(since: Fixture.time(minutes: 4) + .seconds(1), after: nil)?.first == h.fills[4])
    }

    @Test func afterATradeSkipsThroughThatTrade() throws {
        let h = try venue(capacity: 100, fills: 6)
        #expect(h.venue.fills(since: Fixture.t0, after: h.fills[2].tradeID) == Array(h.fills[3...]))
        #expect(h.venue.fills(since: Fixture.t0, after: h.fills[5].tradeID) == [])
        // A trade before the time changes nothing; an unknown trade id neither.
        #expect(h.venue.fills(since: Fixture.time(minutes: 5), after: h.fills[1].tradeID) == Array(h.fills[4...]))
        #expect(h.venue.fills(since: Fixture.time(minutes: 5), after: try TradeID("OTHER-9")) == Array(h.fills[4...]))
    }

    @Test func keepsOnlyTheLatestFillsAndSaysWhenItCannotTell() throws {
        let h = try venue(capacity: 4, fills: 10)
        // Fills 7…10 (minutes 7…10) are kept; 1…6 were dropped, the newest of them at minute 6.
        #expect(h.venue.fills(since: Fixture.time(minutes: 7), after: nil) == Array(h.fills[6...]))
        #expect(h.venue.fills(since: Fixture.time(minutes: 6) + .seconds(1), after: nil) == Array(h.fills[6...]))
        #expect(h.venue.fills(since: Fixture.time(minutes: 6), after: nil) == nil)
        #expect(h.venue.fills(since: Fixture.t0, after: nil) == nil)
        // Naming a kept trade makes the answer known again, however far back the time.
        #expect(h.venue.fills(since: Fixture.t0, after: h.fills[7].tradeID) == Array(h.fills[8...]))
        // A dropped trade does not.
        #expect(h.venue.fills(since: Fixture.t0, after: h.fills[2].tradeID) == nil)
    }

    @Test func aLongRunHoldsNoMoreThanTheCapacity() throws {
        let h = try venue(capacity: 3, fills: 50)
        let kept = try #require(h.venue.fills(since: Fixture.time(minutes: 48), after: nil))
        #expect(kept == Array(h.fills[47...]))
        #expect(h.venue.fills(since: Fixture.time(minutes: 47), after: nil) == nil)
    }

    @Test func zeroCapacityKeepsNothing() throws {
        let h = try venue(capacity: 0, fills: 2)
        #expect(h.venue.fills(since: Fixture.time(minutes: 3), after: nil) == [])
        #expect(h.venue.fills(since: Fixture.t0, after: nil) == nil)
    }
}
