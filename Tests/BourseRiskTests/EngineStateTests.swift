import BourseCore
import BourseRisk
import Foundation
import Testing

/// The engine's cached state (per-instrument limits, correlations) follows the portfolio and the returns.
@Suite("Risk engine: resolved limits and cached correlations stay current")
struct EngineStateTests {
    typealias F = RiskFixtures

    @Test func correlationIsRecomputedAfterNewReturns() throws {
        let p = try F.portfolio([(try F.equity(), 100, "100.00"), (try F.equity("AAPL.NASDAQ"), 0, "100.00")])
        var engine = try RiskEngine(RiskConfiguration(correlation: CorrelationLimit(maxCorrelation: 0.9, window: 10, minObservations: 5)))
        let goog = try InstrumentID("GOOG.NASDAQ")
        let aapl = try InstrumentID("AAPL.NASDAQ")
        for i in 0..<10 {
            engine.recordReturn(goog, 0.01 * sin(Double(i)))
            engine.recordReturn(aapl, i % 2 == 0 ? 0.01 : -0.01)
        }
        #expect(engine.evaluate(try F.submit(.buy, "1", of: "AAPL.NASDAQ"), portfolio: p).isApproved)
        // Ten new returns moving together replace the whole window: the cached value must not be reused.
        for i in 0..<10 {
            let r = 0.01 * cos(Double(i))
            engine.recordReturn(goog, r)
            engine.recordReturn(aapl, 3 * r)
        }
        expectDenied(engine.evaluate(try F.submit(.buy, "1", of: "AAPL.NASDAQ"), portfolio: p), by: .correlation, mentioning: ["GOOG.NASDAQ"])
    }

    @Test func timedReturnsPairByTime() throws {
        // AAPL moves three times as much as GOOG, bar for bar; GOOG's return of bar 12 arrives
        // before AAPL's. Paired by count, GOOG's returns 1…12 would meet AAPL's 0…11.
        let p = try F.portfolio([(try F.equity(), 100, "100.00"), (try F.equity("AAPL.NASDAQ"), 0, "100.00")])
        let limit = CorrelationLimit(maxCorrelation: 0.99, window: 20, minObservations: 10)
        let goog = try InstrumentID("GOOG.NASDAQ")
        let aapl = try InstrumentID("AAPL.NASDAQ")
        let returns = (0...12).map { 0.01 * sin(Double($0 * $0)) }
        func engine(timed: Bool) throws -> RiskEngine {
            var engine = try RiskEngine(RiskConfiguration(correlation: limit))
            for (i, r) in returns.enumerated() {
                let t = timed ? UnixNanos(Int64(i)) : nil
                engine.recordReturn(goog, r, at: t)
                if i < 12 { engine.recordReturn(aapl, 3 * r, at: t) }
            }
            return engine
        }
        var timed = try engine(timed: true)
        expectDenied(timed.evaluate(try F.submit(.buy, "1", of: "AAPL.NASDAQ"), portfolio: p), by: .correlation, mentioning: ["1.0"])
        var untimed = try engine(timed: false)
        #expect(untimed.evaluate(try F.submit(.buy, "1", of: "AAPL.NASDAQ"), portfolio: p).isApproved)
    }

    @Test func instrumentsRegisteredLaterGetTheirLimits() throws {
        var p = try F.portfolio([(try F.equity(), 0, "100.00")])
        let config = RiskConfiguration(
            restrictedInstruments: [try InstrumentID("AAPL.NASDAQ")],
            orderSize: SizeLimits(instruments: [InstrumentSizeLimit(instrumentID: try InstrumentID("AAPL.NASDAQ"), maxQuantity: try Quantity(parsing: "5"))]))
        var engine = try RiskEngine(config)
        #expect(engine.evaluate(try F.submit(.buy, "50"), portfolio: p).isApproved)
        try p.register(try F.equity("AAPL.NASDAQ"))
        try p.updatePrice(try InstrumentID("AAPL.NASDAQ"), Price(parsing: "100.00"))
        expectDenied(engine.evaluate(try F.submit(.buy, "1", of: "AAPL.NASDAQ"), portfolio: p), by: .restrictedList, mentioning: ["AAPL.NASDAQ"])
        // The same engine used with another portfolio resolves its limits for that one.
        let other = try F.portfolio([(try F.equity("AAPL.NASDAQ"), -10, "100.00"), (try F.equity(), 0, "100.00")])
        expectDenied(engine.evaluate(try F.submit(.sell, "6", of: "AAPL.NASDAQ"), portfolio: other), by: .restrictedList, mentioning: ["-10"])
        #expect(engine.evaluate(try F.submit(.buy, "50"), portfolio: other).isApproved)
    }

    @Test func concentrationFollowsTagsOfLaterInstruments() throws {
        var p = try F.portfolio([(try F.equity(), 300, "100.00")])
        try p.register(try F.equity("XOM.NYSE", tags: ["energy"]))
        try p.updatePrice(try InstrumentID("XOM.NYSE"), Price(parsing: "50.00"))
        let config = RiskConfiguration(tagLimits: [TagLimit(tag: "energy", maxFraction: try Rate(parsing: "0.1"))])
        var engine = try RiskEngine(config)
        #expect(engine.evaluate(try F.submit(.buy, "200", of: "XOM.NYSE"), portfolio: p).isApproved, "10000 USD = 0.1 × equity")
        expectDenied(engine.evaluate(try F.submit(.buy, "201", of: "XOM.NYSE"), portfolio: p), by: .concentration, mentioning: ["energy", "10050.00 USD"])
        #expect(engine.evaluate(try F.submit(.buy, "200"), portfolio: p).isApproved, "tech has no limit")
    }
}
