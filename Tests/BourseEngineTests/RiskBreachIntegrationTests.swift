import BourseCore
import BourseData
import BourseEngine
import BourseExecution
import BourseRisk
import Testing

/// The rest of issue 7's integration test: a strategy breaching each of these limits in a
/// backtest sees the denial, whose reason names the limit and the values, and no order past the
/// limit reaches the venue (asserted on the commands the venue received).
@Suite struct RiskBreachIntegrationTests {
    typealias R = RiskIntegrationTests
    static let flat: [(String, String, String, String)] = Array(repeating: ("100.00", "100.00", "100.00", "100.00"), count: 4)
    static let tech1 = try! Instrument.equity("TECH1.SIM", tags: ["tech"])
    static let tech2 = try! Instrument.equity("TECH2.SIM", tags: ["tech"])

    /// Subscribes to the bars of `instrument` only (so the bar index counts its bars).
    static func only(_ instrument: Instrument) -> (StrategyContext) throws -> Void {
        { context in context.subscribe(bars: BarType(instrumentID: instrument.id, spec: .oneDay)) }
    }

    static func q(_ text: String) throws -> Quantity { try Quantity(parsing: text) }

    /// What the venue received: `submit O-1`, `cancel O-1`.
    static func received(_ kernel: Kernel<Scripted, PreTradeRiskEngine, RecordingVenue<BacktestSimulatedVenue>>) -> [String] {
        kernel.venue.receivedText.map { $0.split(separator: " ").prefix(2).joined(separator: " ") }
    }

    /// The denied decisions: order id, check, reason.
    static func denials(_ decisions: [RiskDecision]) -> [(String, RiskCheckName, String)] {
        decisions.compactMap { d in d.denial.map { (d.clientOrderID.value, $0.check, $0.reason) } }
    }

    /// Expects exactly one denial, of `order` by `check`, whose reason contains `texts`.
    static func expectOneDenial(
        _ decisions: [RiskDecision], _ order: String, _ check: RiskCheckName, _ texts: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let denied = denials(decisions)
        #expect(denied.map(\.0) == [order], sourceLocation: sourceLocation)
        #expect(denied.first?.1 == check, sourceLocation: sourceLocation)
        for text in texts {
            #expect(denied.first?.2.contains(text) == true, "\(denied.first?.2 ?? "no denial")", sourceLocation: sourceLocation)
        }
    }

    @Test func messageRate() throws {
        let id = Bars.instrument.id
        let strategy = Scripted { _, i, context in
            switch i {
            case 0:
                let first = try context.limit(id, .buy, quantity: Self.q("1"), price: Price(parsing: "50.00"))
                context.submit(first)  // O-1: message 1
                context.cancel(first.clientOrderID)  // message 2 (cancels always pass)
                let second = try context.limit(id, .buy, quantity: Self.q("1"), price: Price(parsing: "50.00"))
                context.submit(second)  // O-2: message 3
                context.submit(try context.market(id, .buy, quantity: Self.q("1")))  // O-3: a 4th within the day
                context.cancel(second.clientOrderID)  // passes all the same
            case 1: context.submit(try context.market(id, .buy, quantity: Self.q("1")))  // O-4: one day later
            default: break
            }
        }
        let (kernel, decisions) = try R.run(strategy, limits: RiskConfiguration(messageRate: RateLimit(maxCount: 3, window: .days(1))))
        #expect(Self.received(kernel) == ["submit O-1", "cancel O-1", "submit O-2", "cancel O-2", "submit O-4"])
        Self.expectOneDenial(decisions, "O-3", .messageRate, ["3 messages in the last 86400 s reach the limit of 3 per 86400 s"])
    }

    @Test func maxOpenPositions() throws {
        let strategy = Scripted(start: Self.only(Bars.instrument)) { _, i, context in
            switch i {
            case 0: context.submit(try context.market(Bars.instrument.id, .buy, quantity: Self.q("10")))  // O-1
            case 1:
                context.submit(try context.market(R.other.id, .buy, quantity: Self.q("10")))  // O-2: a second position
                context.submit(try context.market(Bars.instrument.id, .buy, quantity: Self.q("5")))  // O-3: adds to the open one
            default: break
            }
        }
        let bars = [try Bars.series(Self.flat), try Bars.series(Self.flat, instrument: R.other)]
        let (kernel, decisions) = try R.run(strategy, limits: RiskConfiguration(maxOpenPositions: 1), bars: bars)
        #expect(Self.received(kernel) == ["submit O-1", "submit O-3"])
        Self.expectOneDenial(
            decisions, "O-2", .maxOpenPositions, ["1 open positions reach the maximum of 1: cannot open a position in OTHER.SIM"])
        #expect(kernel.portfolio.positions.map(\.signedQuantityRaw) == [15, 0])
    }

    @Test func netExposure() throws {
        let strategy = Scripted(start: Self.only(Bars.instrument)) { _, i, context in
            switch i {
            case 0: context.submit(try context.market(Bars.instrument.id, .buy, quantity: Self.q("40")))  // O-1: 4,000 net
            case 1:
                context.submit(try context.market(R.other.id, .buy, quantity: Self.q("20")))  // O-2: 6,000 > 5,000
                context.submit(try context.market(R.other.id, .sell, quantity: Self.q("20")))  // O-3: 2,000 net
            default: break
            }
        }
        let bars = [try Bars.series(Self.flat), try Bars.series(Self.flat, instrument: R.other)]
        let (kernel, decisions) = try R.run(strategy, limits: RiskConfiguration(maxNetExposure: try Rate(parsing: "0.5")), bars: bars)
        #expect(Self.received(kernel) == ["submit O-1", "submit O-3"])
        Self.expectOneDenial(
            decisions, "O-2", .netExposure,
            ["net exposure after the order 6000.00 USD exceeds the limit ±5000.00 USD (0.5 × equity 10000.00 USD)"])
    }

    @Test func concentrationPerTag() throws {
        let strategy = Scripted(start: Self.only(Self.tech1)) { _, i, context in
            switch i {
            case 0: context.submit(try context.market(Self.tech1.id, .buy, quantity: Self.q("30")))  // O-1: tech 3,000
            case 1:
                context.submit(try context.market(Self.tech2.id, .buy, quantity: Self.q("25")))  // O-2: tech 5,500
                context.submit(try context.market(Self.tech2.id, .buy, quantity: Self.q("20")))  // O-3: tech 5,000, the limit
            default: break
            }
        }
        let bars = [try Bars.series(Self.flat, instrument: Self.tech1), try Bars.series(Self.flat, instrument: Self.tech2)]
        let limits = RiskConfiguration(tagLimits: [TagLimit(tag: "tech", maxFraction: try Rate(parsing: "0.5"))])
        let (kernel, decisions) = try R.run(strategy, limits: limits, instruments: [Self.tech1, Self.tech2], bars: bars)
        #expect(Self.received(kernel) == ["submit O-1", "submit O-3"])
        Self.expectOneDenial(
            decisions, "O-2", .concentration,
            ["exposure to tag 'tech' after the order 5500.00 USD exceeds the limit 5000.00 USD (0.5 × equity 10000.00 USD)"])
    }

    @Test func tradingSessionOpeningDelayAndClosingCutoff() throws {
        // One-minute bars from 09:30 UTC on Tuesday 2024-01-02: bar i closes at 09:31 + i minutes.
        let start = try CivilDateTime(year: 2024, month: 1, day: 2, hour: 9, minute: 30).unixNanos
        let series = try Bars.minuteSeries(count: 390, start: start)
        let id = Bars.instrument.id
        let strategy = Scripted { _, i, context in
            // 09:31 (O-1), 09:35 (O-2), 15:49 (O-3), 15:50 (O-4)
            if [0, 4, 378, 379].contains(i) { context.submit(try context.market(id, .buy, quantity: Self.q("1"))) }
        }
        let session = TradingSessionLimit(
            opens: .hours(9) + .minutes(30), closes: .hours(16), openingDelay: .minutes(5), closingCutoff: .minutes(10))
        let (kernel, decisions) = try R.run(strategy, limits: RiskConfiguration(tradingSession: session), bars: [series])
        #expect(Self.received(kernel) == ["submit O-2", "submit O-3"])
        let denied = Self.denials(decisions)
        #expect(denied.map(\.0) == ["O-1", "O-4"])
        #expect(denied.allSatisfy { $0.1 == .tradingSession })
        #expect(denied.first?.2 == "order at 09:31:00 is before the session opens at 09:30:00 plus the opening delay of 300 s (09:35:00)")
        #expect(denied.last?.2 == "order at 15:50:00 is at or after the closing cutoff 15:50:00 (600 s before the close at 16:00:00)")
    }

    @Test func reduceOnlyOrdersAndMode() throws {
        let id = Bars.instrument.id
        let strategy = Scripted { _, i, context in
            switch i {
            case 0: context.submit(try context.market(id, .buy, quantity: Self.q("10")))  // O-1
            case 1:
                context.submit(try context.market(id, .sell, quantity: Self.q("15"), reduceOnly: true))  // O-2 would flip
                context.submit(try context.market(id, .sell, quantity: Self.q("10"), reduceOnly: true))  // O-3 closes
            default: break
            }
        }
        let (kernel, decisions) = try R.run(strategy, limits: RiskConfiguration())
        #expect(Self.received(kernel) == ["submit O-1", "submit O-3"])
        Self.expectOneDenial(decisions, "O-2", .reduceOnly, ["reduce-only order: SELL 15", "may reduce it by at most 10"])

        // In reduce-only mode, nothing opens a position.
        let opener = Scripted { _, i, context in
            if i == 0 { context.submit(try context.market(id, .buy, quantity: Self.q("10"))) }
        }
        let (stopped, modeDecisions) = try R.run(opener, limits: RiskConfiguration(reduceOnly: true))
        #expect(Self.received(stopped).isEmpty)
        Self.expectOneDenial(modeDecisions, "O-1", .reduceOnly, ["reduce-only mode: BUY 10", "may reduce it by at most 0"])
    }

    @Test func buyingPower() throws {
        let id = Bars.instrument.id
        let strategy = Scripted { _, i, context in
            switch i {
            case 0:
                context.submit(try context.market(id, .buy, quantity: Self.q("101")))  // O-1: 10,100 > 10,000
                context.submit(try context.market(id, .buy, quantity: Self.q("100")))  // O-2: 10,000, all of it
            case 1:
                context.submit(try context.market(id, .buy, quantity: Self.q("1")))  // O-3: nothing left
                context.submit(try context.market(id, .sell, quantity: Self.q("50")))  // O-4: reduces
            default: break
            }
        }
        let limits = RiskConfiguration(buyingPower: BuyingPowerLimit(leverage: try Rate(parsing: "1")))
        let (kernel, decisions) = try R.run(strategy, limits: limits)
        #expect(Self.received(kernel) == ["submit O-2", "submit O-4"])
        let denied = Self.denials(decisions)
        #expect(denied.map(\.0) == ["O-1", "O-3"])
        #expect(denied.allSatisfy { $0.1 == .buyingPower })
        #expect(denied.map(\.2) == [
            "order needs 10100.00 USD (101 at 100.00 + taker fee 0), more than the buying power 10000.00 USD (free cash 10000.00 USD × leverage 1)",
            "order needs 100.00 USD (1 at 100.00 + taker fee 0), more than the buying power 0.00 USD (free cash 0.00 USD × leverage 1)",
        ])
    }

    @Test func correlationWithReturnsTheKernelFeeds() throws {
        // OTHER's closes are twice TEST's: the same returns, correlation 1.
        let closes = [0, 3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8].map { 100 + $0 }
        func rows(_ scale: Int) -> [(String, String, String, String)] {
            closes.map { c in let p = "\(c * scale).00"; return (p, p, p, p) }
        }
        // The strategy decides on TEST's bars, before OTHER's bar of the same time: the returns are
        // paired by time (TEST's newest waits for OTHER's).
        let strategy = Scripted(start: Self.only(Bars.instrument)) { _, i, context in
            switch i {
            case 0: context.submit(try context.market(Bars.instrument.id, .buy, quantity: Self.q("10")))  // O-1
            case 15:
                context.submit(try context.market(R.other.id, .buy, quantity: Self.q("5")))  // O-2: long, like TEST
                context.submit(try context.market(R.other.id, .sell, quantity: Self.q("5")))  // O-3: short: a hedge
            default: break
            }
        }
        let bars = [try Bars.series(rows(1)), try Bars.series(rows(2), instrument: R.other)]
        let limits = RiskConfiguration(correlation: CorrelationLimit(maxCorrelation: 0.9, window: 20, minObservations: 10))
        let (kernel, decisions) = try R.run(strategy, limits: limits, bars: bars)
        #expect(Self.received(kernel) == ["submit O-1", "submit O-3"])
        // At TEST's 16th close: 15 returns of TEST, 14 of OTHER, 14 paired.
        Self.expectOneDenial(
            decisions, "O-2", .correlation,
            ["return correlation", "of OTHER.SIM with the open long position in TEST.SIM over the last 14 returns",
             "for a BUY, above the limit 0.9"])
    }
}
