import BourseCore
import BourseExecution
import Testing

/// One order-type × time-in-force × bar-shape case: orders sent at t0 (before any bar),
/// bars closing at +1m, +2m, …, and the exact events expected.
struct BarScenario: CustomTestStringConvertible, Sendable {
    let name: String
    let orders: [@Sendable () throws -> OrderInitialized]
    let bars: [(String, String, String, String)]
    var limitFill: LimitFillPolicy = .onTradeThrough
    let expected: [String]

    var testDescription: String { name }
}

private let accepted1 = ["submitted O-1 +0m", "accepted O-1 +0m"]

private let scenarios: [BarScenario] = [
    BarScenario(
        name: "market buy fills at the next bar's open",
        orders: [{ try Fixture.order(1, .buy, .market) }],
        bars: [("100.00", "101.00", "99.00", "100.50")],
        expected: accepted1 + ["filled O-1 10 @ 100.00 taker +1m"]),
    BarScenario(
        name: "market sell fills at the next bar's open",
        orders: [{ try Fixture.order(1, .sell, .market) }],
        bars: [("100.00", "101.00", "99.00", "100.50")],
        expected: accepted1 + ["filled O-1 10 @ 100.00 taker +1m"]),
    BarScenario(
        name: "buy limit traded through fills at its price",
        orders: [{ try Fixture.order(1, .buy, .limit, price: "99.50") }],
        bars: [("100.00", "101.00", "99.00", "100.00")],
        expected: accepted1 + ["filled O-1 10 @ 99.50 maker +1m"]),
    BarScenario(
        name: "buy limit touched but not traded through does not fill",
        orders: [{ try Fixture.order(1, .buy, .limit, price: "99.00") }],
        bars: [("100.00", "101.00", "99.00", "100.00")],
        expected: accepted1),
    BarScenario(
        name: "buy limit touched fills with the on-touch policy",
        orders: [{ try Fixture.order(1, .buy, .limit, price: "99.00") }],
        bars: [("100.00", "101.00", "99.00", "100.00")],
        limitFill: .onTouch,
        expected: accepted1 + ["filled O-1 10 @ 99.00 maker +1m"]),
    BarScenario(
        name: "buy limit gapped down through fills at the open",
        orders: [{ try Fixture.order(1, .buy, .limit, price: "99.50") }],
        bars: [("98.00", "99.00", "97.50", "98.50")],
        expected: accepted1 + ["filled O-1 10 @ 98.00 maker +1m"]),
    BarScenario(
        name: "sell limit traded through fills at its price",
        orders: [{ try Fixture.order(1, .sell, .limit, price: "101.00") }],
        bars: [("100.00", "101.50", "99.00", "101.20")],
        expected: accepted1 + ["filled O-1 10 @ 101.00 maker +1m"]),
    BarScenario(
        name: "limits outside an inside bar do not fill",
        orders: [
            { try Fixture.order(1, .buy, .limit, price: "98.00") },
            { try Fixture.order(2, .sell, .limit, price: "102.00") },
        ],
        bars: [("100.00", "100.50", "99.50", "100.00")],
        expected: accepted1 + ["submitted O-2 +0m", "accepted O-2 +0m"]),
    BarScenario(
        name: "buy stop triggers on the path and fills at the stop price",
        orders: [{ try Fixture.order(1, .buy, .stopMarket, trigger: "101.00") }],
        bars: [("100.00", "102.00", "99.50", "101.50")],
        expected: accepted1 + ["triggered O-1 +1m", "filled O-1 10 @ 101.00 taker +1m"]),
    BarScenario(
        name: "buy stop gapped up fills at the gap price, not the stop price",
        orders: [{ try Fixture.order(1, .buy, .stopMarket, trigger: "101.00") }],
        bars: [("103.00", "104.00", "102.00", "103.50")],
        expected: accepted1 + ["triggered O-1 +1m", "filled O-1 10 @ 103.00 taker +1m"]),
    BarScenario(
        name: "sell stop gapped down fills at the gap price",
        orders: [{ try Fixture.order(1, .sell, .stopMarket, trigger: "99.00") }],
        bars: [("97.00", "98.00", "96.00", "97.50")],
        expected: accepted1 + ["triggered O-1 +1m", "filled O-1 10 @ 97.00 taker +1m"]),
    BarScenario(
        name: "buy stop not reached stays working",
        orders: [{ try Fixture.order(1, .buy, .stopMarket, trigger: "105.00") }],
        bars: [("100.00", "104.99", "99.00", "104.00")],
        expected: accepted1),
    BarScenario(
        name: "stop-limit triggered by a gap with the limit never reached rests triggered",
        orders: [{ try Fixture.order(1, .buy, .stopLimit, price: "101.50", trigger: "101.00") }],
        bars: [("102.00", "103.00", "101.80", "102.50")],
        expected: accepted1 + ["triggered O-1 +1m"]),
    BarScenario(
        name: "stop-limit triggered on the path fills at the trigger when within the limit",
        orders: [{ try Fixture.order(1, .buy, .stopLimit, price: "101.50", trigger: "101.00") }],
        bars: [("100.00", "102.00", "99.80", "101.00")],
        expected: accepted1 + ["triggered O-1 +1m", "filled O-1 10 @ 101.00 taker +1m"]),
    BarScenario(
        name: "stop-limit triggered by a gap fills later in the bar when the path comes back through the limit",
        orders: [{ try Fixture.order(1, .buy, .stopLimit, price: "101.50", trigger: "101.00") }],
        bars: [("102.00", "102.20", "101.00", "101.80")],
        expected: accepted1 + ["triggered O-1 +1m", "filled O-1 10 @ 101.50 maker +1m"]),
    BarScenario(
        name: "market-if-touched buy triggers when the price falls to it",
        orders: [{ try Fixture.order(1, .buy, .marketIfTouched, trigger: "99.00") }],
        bars: [("100.00", "100.50", "98.00", "99.00")],
        expected: accepted1 + ["triggered O-1 +1m", "filled O-1 10 @ 99.00 taker +1m"]),
    BarScenario(
        name: "limit-if-touched sell triggers on the rise and fills at the trigger",
        orders: [{ try Fixture.order(1, .sell, .limitIfTouched, price: "100.80", trigger: "101.00") }],
        bars: [("100.00", "101.50", "99.80", "100.00")],
        expected: accepted1 + ["triggered O-1 +1m", "filled O-1 10 @ 101.00 taker +1m"]),
    BarScenario(
        name: "open nearer the low: the path goes open-low-high-close, buy limit fills before the sell limit",
        orders: [
            { try Fixture.order(1, .sell, .limit, price: "101.00") },
            { try Fixture.order(2, .buy, .limit, price: "99.00") },
        ],
        bars: [("99.80", "101.50", "98.50", "100.00")],
        expected: accepted1 + [
            "submitted O-2 +0m", "accepted O-2 +0m", "filled O-2 10 @ 99.00 maker +1m",
            "filled O-1 10 @ 101.00 maker +1m",
        ]),
    BarScenario(
        name: "open nearer the high: the path goes open-high-low-close, sell limit fills first",
        orders: [
            { try Fixture.order(1, .buy, .limit, price: "99.00") },
            { try Fixture.order(2, .sell, .limit, price: "101.00") },
        ],
        bars: [("100.80", "101.50", "98.50", "100.00")],
        expected: accepted1 + [
            "submitted O-2 +0m", "accepted O-2 +0m", "filled O-2 10 @ 101.00 maker +1m",
            "filled O-1 10 @ 99.00 maker +1m",
        ]),
    BarScenario(
        name: "two buy stops on a rising segment fill in the order the path reaches them",
        orders: [
            { try Fixture.order(1, .buy, .stopMarket, trigger: "101.50") },
            { try Fixture.order(2, .buy, .stopMarket, trigger: "100.50") },
        ],
        bars: [("100.00", "102.00", "99.90", "101.00")],
        expected: accepted1 + [
            "submitted O-2 +0m", "accepted O-2 +0m", "triggered O-2 +1m", "filled O-2 10 @ 100.50 taker +1m",
            "triggered O-1 +1m", "filled O-1 10 @ 101.50 taker +1m",
        ]),
    BarScenario(
        name: "IOC limit not reached at the next open is canceled",
        orders: [{ try Fixture.order(1, .buy, .limit, price: "99.00", tif: .ioc) }],
        bars: [("100.00", "100.50", "98.00", "99.00")],
        expected: accepted1 + ["canceled O-1 +1m"]),
    BarScenario(
        name: "IOC limit crossed at the next open fills there",
        orders: [{ try Fixture.order(1, .buy, .limit, price: "101.00", tif: .ioc) }],
        bars: [("100.00", "100.50", "98.00", "99.00")],
        expected: accepted1 + ["filled O-1 10 @ 100.00 maker +1m"]),
    BarScenario(
        name: "at-the-open market order fills at the open",
        orders: [{ try Fixture.order(1, .buy, .market, tif: .atTheOpen) }],
        bars: [("100.00", "100.50", "98.00", "99.00")],
        expected: accepted1 + ["filled O-1 10 @ 100.00 taker +1m"]),
    BarScenario(
        name: "at-the-open limit not crossed at the open expires",
        orders: [{ try Fixture.order(1, .buy, .limit, price: "99.00", tif: .atTheOpen) }],
        bars: [("100.00", "100.50", "98.00", "99.00")],
        expected: accepted1 + ["expired O-1 +1m"]),
    BarScenario(
        name: "GTC limit works across bars until reached",
        orders: [{ try Fixture.order(1, .sell, .limit, price: "102.00") }],
        bars: [("100.00", "101.00", "99.00", "100.50"), ("100.50", "101.90", "100.00", "101.50"), ("101.50", "102.50", "101.00", "102.20")],
        expected: accepted1 + ["filled O-1 10 @ 102.00 maker +3m"]),
]

@Suite("Simulated venue on bars")
struct BarMatchingTests {
    @Test(arguments: scenarios)
    func scenario(_ s: BarScenario) throws {
        // Auction orders need the venue to have seen bars: warm it up with one bar before t0.
        let h = try Harness(configuration: .test(limitFill: s.limitFill))
        for make in s.orders {
            let order = try make()
            if order.timeInForce == .atTheOpen || order.timeInForce == .atTheClose { try warmUp(h) }
            try h.submit(order)
        }
        for (i, b) in s.bars.enumerated() { try h.bar(Int64(i + 1), b.0, b.1, b.2, b.3) }
        #expect(h.log == s.expected)
        #expect(h.oms.unappliedEvents.isEmpty)
    }

    /// Feeds one bar closing at t0 itself, with no orders working.
    private func warmUp(_ h: Harness<StandardFillModel, InstrumentFeeModel, FixedLatency>) throws {
        guard h.events.isEmpty else { return }
        try h.bar(0, "100.00", "100.00", "100.00", "100.00")
    }

    @Test func nextBarOpenIsTheDefaultAndFillsTheSignalAtTheNextOpen() throws {
        let h = try Harness()
        try h.bar(1, "100.00", "101.00", "99.00", "100.50")
        try h.submit(Fixture.order(1, .buy, .market, at: h.clock.now))  // decided on bar 1's close
        #expect(h.fills.isEmpty)
        try h.bar(2, "100.70", "101.20", "100.10", "101.00")
        #expect(h.log == ["submitted O-1 +1m", "accepted O-1 +1m", "filled O-1 10 @ 100.70 taker +2m"])
    }

    @Test func onCloseFillsAtTheBarJustSeen() throws {
        let h = try Harness(configuration: .test(barExecution: .onClose))
        try h.bar(1, "100.00", "101.00", "99.00", "100.50")
        try h.submit(Fixture.order(1, .buy, .market, at: h.clock.now))
        #expect(h.log == ["submitted O-1 +1m", "accepted O-1 +1m", "filled O-1 10 @ 100.50 taker +1m"])
    }

    @Test func dayOrderExpiresAtTheSessionClose() throws {
        // Session closes at 14:32 UTC, i.e. bar 2's close.
        let close = Nanoseconds.hours(14) + .minutes(32)
        let h = try Harness(configuration: .test(sessionClose: close))
        try h.submit(Fixture.order(1, .buy, .limit, price: "90.00", tif: .day))
        try h.bar(1, "100.00", "101.00", "99.00", "100.50")
        try h.bar(2, "100.00", "101.00", "99.00", "100.50")
        try h.bar(3, "100.00", "101.00", "99.00", "100.50")
        #expect(h.log == accepted1 + ["expired O-1 +2m"])
        #expect(h.oms.order(Fixture.id(1))?.status == .expired)
    }

    @Test func dayOrderStillMatchesTheBarThatClosesTheSession() throws {
        let close = Nanoseconds.hours(14) + .minutes(31)
        let h = try Harness(configuration: .test(sessionClose: close))
        try h.submit(Fixture.order(1, .buy, .limit, price: "99.50", tif: .day))
        try h.bar(1, "100.00", "101.00", "99.00", "100.50")
        #expect(h.log == accepted1 + ["filled O-1 10 @ 99.50 maker +1m"])
    }

    @Test func gtdOrderExpiresWhenTimeAdvancesPastItsExpiry() throws {
        let h = try Harness()
        try h.submit(Fixture.order(1, .buy, .limit, price: "90.00", tif: .gtd(expiry: Fixture.t0 + .seconds(90))))
        try h.bar(1, "100.00", "101.00", "99.00", "100.50")
        try h.advance(seconds: 90)
        #expect(h.log == accepted1)  // still good at its expiry instant
        try h.advance(seconds: 91)
        #expect(h.log == accepted1 + ["expired O-1 +91s"])
        #expect(h.venue.nextEventTime == nil)
    }

    @Test func atTheCloseExecutesOnTheBarClosingTheSession() throws {
        let close = Nanoseconds.hours(14) + .minutes(32)
        let h = try Harness(configuration: .test(sessionClose: close))
        try h.bar(0, "100.00", "100.00", "100.00", "100.00")
        try h.submit(Fixture.order(1, .buy, .market, tif: .atTheClose))
        try h.bar(1, "100.00", "101.00", "99.00", "100.50")
        try h.bar(2, "100.50", "101.00", "99.00", "100.80")
        #expect(h.log == accepted1 + ["filled O-1 10 @ 100.80 taker +2m"])
    }

    @Test func auctionOrdersWithoutBarsAreRejected() throws {
        let h = try Harness()
        try h.submit(Fixture.order(1, .buy, .market, tif: .atTheOpen))
        #expect(h.log == ["submitted O-1 +0m", "rejected O-1: auction orders (AT_THE_OPEN) need bar data for TEST.SIM"])
    }
}
