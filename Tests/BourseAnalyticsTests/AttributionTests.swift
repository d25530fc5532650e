import BourseAnalytics
import BourseCore
import BourseTestKit
import Testing

@Suite struct AttributionTests {
    /// A three-sector case worked by hand (weights and returns in decimals):
    ///
    ///     sector  w     b     R     B     BHB alloc (w−b)B   select b(R−B)   interact (w−b)(R−B)
    ///     A       0.50  0.40  0.10  0.08   0.1·0.08 = 0.008   0.4·0.02 = 0.008   0.1·0.02 = 0.002
    ///     B       0.30  0.40  0.04  0.05  −0.1·0.05 = −0.005  0.4·−0.01 = −0.004 −0.1·−0.01 = 0.001
    ///     C       0.20  0.20  0.02  0.03   0                  0.2·−0.01 = −0.002  0
    ///
    /// Portfolio 0.066, benchmark 0.058, active 0.008 = 0.003 + 0.002 + 0.003. Brinson–Fachler
    /// allocation (w−b)(B−0.058): A 0.1·0.022 = 0.0022, B −0.1·−0.008 = 0.0008, C 0; total 0.003.
    static let segments = [
        BrinsonAttribution.Segment(name: "A", portfolioWeight: 0.5, benchmarkWeight: 0.4, portfolioReturn: 0.10, benchmarkReturn: 0.08),
        BrinsonAttribution.Segment(name: "B", portfolioWeight: 0.3, benchmarkWeight: 0.4, portfolioReturn: 0.04, benchmarkReturn: 0.05),
        BrinsonAttribution.Segment(name: "C", portfolioWeight: 0.2, benchmarkWeight: 0.2, portfolioReturn: 0.02, benchmarkReturn: 0.03),
    ]

    @Test func brinsonHoodBeebowerHandCheckedCase() throws {
        let a = try BrinsonAttribution(segments: Self.segments)
        let expected: [(Double, Double, Double)] = [(0.008, 0.008, 0.002), (-0.005, -0.004, 0.001), (0, -0.002, 0)]
        for (effects, (allocation, selection, interaction)) in zip(a.segments, expected) {
            #expect(abs(effects.allocation - allocation) <= 1e-15, "\(effects.name) allocation \(effects.allocation)")
            #expect(abs(effects.selection - selection) <= 1e-15, "\(effects.name) selection \(effects.selection)")
            #expect(abs(effects.interaction - interaction) <= 1e-15, "\(effects.name) interaction \(effects.interaction)")
        }
        #expect(abs(a.portfolioReturn - 0.066) <= 1e-15)
        #expect(abs(a.benchmarkReturn - 0.058) <= 1e-15)
        #expect(abs(a.totals.allocation - 0.003) <= 1e-15)
        #expect(abs(a.totals.selection - 0.002) <= 1e-15)
        #expect(abs(a.totals.interaction - 0.003) <= 1e-15)
        #expect(abs(a.totals.total - a.activeReturn) <= 1e-15)
    }

    @Test func brinsonFachlerRedistributesAllocation() throws {
        let a = try BrinsonAttribution(segments: Self.segments, method: .brinsonFachler)
        let allocation = a.segments.map(\.allocation)
        for (actual, expected) in zip(allocation, [0.0022, 0.0008, 0]) { #expect(abs(actual - expected) <= 1e-15, "\(actual)") }
        #expect(abs(a.totals.allocation - 0.003) <= 1e-15)
        #expect(abs(a.totals.total - a.activeReturn) <= 1e-15)
    }

    @Test func brinsonRejectsBadInput() {
        #expect(throws: AnalyticsError.invalidParameter("Brinson attribution needs at least one segment")) {
            try BrinsonAttribution(segments: [])
        }
        var unbalanced = Self.segments
        unbalanced[0].portfolioWeight = 0.6
        let error = #expect(throws: AnalyticsError.self) { try BrinsonAttribution(segments: unbalanced) }
        #expect(error?.description.hasPrefix("invalid parameter: portfolio weights sum to 1.09") == true, "\(String(describing: error))")
        var nan = Self.segments
        nan[1].benchmarkReturn = .nan
        #expect(throws: AnalyticsError.nonFiniteValue(what: "segment B", index: 1)) { try BrinsonAttribution(segments: nan) }
    }

    /// Two strategies trading two equities; P&L worked by hand in cents.
    @Test func pnlPerStrategyAndInstrument() throws {
        let goog = TestDefaults.instrument
        let aapl = try Instrument.equity("AAPL.NASDAQ")
        var first = FillBuilder()
        first.strategyID = try StrategyID("S-A")
        var second = FillBuilder()
        second.strategyID = try StrategyID("S-B")
        let fills = [
            // S-A: buy 10 GOOG at 100, sell 4 at 110 (realized 40 − 1 commission), 6 open.
            try first.quantity("10").price("100.00").trade(1).build(),
            try first.side(.sell).quantity("4").price("110.00").commission(Money(parsing: "1.00", .USD)).trade(2).build(),
            // S-A: short 5 AAPL at 50, 5 open.
            try first.instrument(aapl.id).side(.sell).quantity("5").price("50.00").trade(3).build(),
            // S-B: buy 2 GOOG at 105, open.
            try second.quantity("2").price("105.00").trade(4).build(),
        ]
        let marks = [goog.id: try Price(parsing: "120.00"), aapl.id: try Price(parsing: "45.00")]
        let attribution = try PnLAttribution(fills: fills, instruments: [goog, aapl], marks: marks)
        let usd = { (text: String) throws -> Money in try Money(parsing: text, .USD) }
        #expect(attribution.lines.map(\.total) == [try usd("159.00"), try usd("25.00"), try usd("30.00")])
        #expect(attribution.lines.map(\.realized) == [try usd("39.00"), try usd("0.00"), try usd("0.00")])
        let strategies = try attribution.byStrategy()
        #expect(strategies.map(\.key) == ["S-A", "S-B"])
        #expect(strategies.map(\.total) == [try usd("184.00"), try usd("30.00")])
        let instruments = try attribution.byInstrument()
        #expect(instruments.map(\.key) == ["GOOG.NASDAQ", "AAPL.NASDAQ"])
        #expect(instruments.map(\.total) == [try usd("189.00"), try usd("25.00")])
        #expect(instruments.map(\.unrealized) == [try usd("150.00"), try usd("25.00")])
    }

    @Test func pnlRejectsMissingMarkAndUnknownInstrument() throws {
        let fill = try FillBuilder().build()
        #expect(throws: AnalyticsError.invalidParameter("fill 0: unknown instrument GOOG.NASDAQ")) {
            try PnLAttribution(fills: [fill], instruments: [], marks: [:])
        }
        #expect(throws: AnalyticsError.invalidParameter("no mark price for open position in GOOG.NASDAQ")) {
            try PnLAttribution(fills: [fill], instruments: [TestDefaults.instrument], marks: [:])
        }
    }
}
