import BourseCore
import BourseRisk
import OrderedCollections
import Testing

@Suite("Exposure report, HHI and stress scenarios")
struct PortfolioRiskTests {
    typealias F = RiskFixtures

    func book() throws -> PortfolioSnapshot {
        try F.portfolio([
            (try F.equity(), 300, "100.00"),  // +30,000 tech
            (try F.equity("AAPL.NASDAQ"), -100, "100.00"),  // −10,000 tech
            (try F.equity("XOM.NYSE", tags: ["energy"]), 100, "100.00"),  // +10,000 energy
        ])
    }

    @Test func exposures() throws {
        let report = ExposureReport(try book())
        #expect(report.gross == (try F.usd("50000")))
        #expect(report.net == (try F.usd("30000")))
        #expect(report.long == (try F.usd("40000")))
        #expect(report.short == (try F.usd("-10000")))
        #expect(report.byTag["tech"] == (try F.usd("40000")))
        #expect(report.byTag["energy"] == (try F.usd("10000")))
        #expect(report.byTag["asset-class:equity"] == (try F.usd("50000")))
        #expect(abs(report.herfindahlIndex - (0.36 + 0.04 + 0.04)) < 1e-15)
    }

    @Test func userShocksByInstrumentAndTag() throws {
        let scenario = StressScenario(
            name: "tech sell-off",
            instrumentShocks: [InstrumentShock(instrumentID: try InstrumentID("GOOG.NASDAQ"), change: try Rate(parsing: "-0.25"))],
            tagShocks: [TagShock(tag: "tech", change: try Rate(parsing: "-0.1")), TagShock(tag: "asset-class:equity", change: try Rate(parsing: "-0.05"))])
        let result = try scenario.apply(to: try book())
        #expect(result.perInstrument[try InstrumentID("GOOG.NASDAQ")] == (try F.usd("-7500")))
        #expect(result.perInstrument[try InstrumentID("AAPL.NASDAQ")] == (try F.usd("1000")), "a short gains")
        #expect(result.perInstrument[try InstrumentID("XOM.NYSE")] == (try F.usd("-500")))
        #expect(result.pnl == (try F.usd("-7000")))
    }

    @Test func historicalReplayOfTheWorstDay() throws {
        let golden = try VaRGolden.load()
        let worst = try #require(try ReturnRisk(golden.goog).worstPeriods(length: 1, count: 1).first)
        #expect(worst.return == golden.goog.min())
        let scenario = try StressScenario.historical(name: "GOOG worst day", returns: [(try InstrumentID("GOOG.NASDAQ"), worst.return)])
        let result = try scenario.apply(to: try book())
        let expected = (30000 * worst.return * 100).rounded() / 100
        #expect(abs(result.pnl.doubleValue - expected) <= 0.01)
    }
}
