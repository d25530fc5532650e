import BourseAnalytics
import Testing

/// Golden values from empyrical-reloaded 0.7.1 / quantstats 0.0.86 on GOOG vs SPY daily returns
/// (`scripts/generate_analytics_fixtures.py metrics`).
@Suite struct PerformanceMetricsTests {
    let golden: [String: Any]
    let goog: ReturnSeries
    let spy: ReturnSeries

    init() throws {
        golden = try Fixture.json("metrics_goog_spy.json")
        (goog, spy) = try Fixture.googAndSPY()
    }

    @Test func seriesMatchesFixture() throws {
        #expect(goog.count == Int(try number(golden, "count")))
    }

    @Test func scalarMetricsMatchEmpyrical() throws {
        let rf = try number(golden, "riskFree")
        let ab = try goog.alphaBeta(against: spy)
        let abRf = try goog.alphaBeta(against: spy, riskFree: rf)
        let cases: [(String, Double)] = [
            ("cumulativeReturn", goog.cumulativeReturn()),
            ("annualReturn", try goog.annualReturn()),
            ("annualVolatility", try goog.annualVolatility()),
            ("sharpe", try goog.sharpeRatio()),
            ("sharpeRiskFree", try goog.sharpeRatio(riskFree: rf)),
            ("sortino", try goog.sortinoRatio()),
            ("sortinoRequired", try goog.sortinoRatio(requiredReturn: rf)),
            ("downsideRisk", try goog.downsideRisk()),
            ("calmar", try goog.calmarRatio()),
            ("omega", try goog.omegaRatio()),
            ("omegaRequired", try goog.omegaRatio(requiredReturn: 0.05)),
            ("maxDrawdown", try goog.maxDrawdown()),
            ("tailRatio", try goog.tailRatio()),
            ("stability", try goog.stability()),
            ("alpha", ab.alpha),
            ("beta", ab.beta),
            ("alphaRiskFree", abRf.alpha),
            ("betaRiskFree", abRf.beta),
            ("informationRatio", try goog.informationRatio(against: spy)),
            ("quantstatsInformationRatio", try goog.informationRatio(against: spy)),
            ("skew", try goog.skewness()),
            ("kurtosis", try goog.kurtosis()),
        ]
        for (key, value) in cases {
            expectRelative(value, try number(golden, key), 1e-9, key)
        }
    }

    @Test(arguments: ["rollingSharpe", "rollingVolatility", "rollingBeta"])
    func rollingMetricsMatchEmpyrical(key: String) throws {
        let window = Int(try number(golden, "rollingWindow"))
        let expected = try numbers(golden, key)
        let actual: [Double] = switch key {
        case "rollingSharpe": try goog.rollingSharpeRatio(window: window)
        case "rollingVolatility": try goog.rollingVolatility(window: window)
        default: try goog.rollingBeta(against: spy, window: window)
        }
        try #require(actual.count == expected.count)
        for (a, e) in zip(actual, expected) { expectRelative(a, e, 1e-9, key) }
    }

    @Test func drawdownTableMatchesPyfolioAlgorithm() throws {
        let expected = try #require(golden["drawdowns"] as? [[String: Any]])
        let table = goog.drawdowns(top: expected.count)
        try #require(table.count == expected.count)
        for (d, e) in zip(table, expected) {
            #expect(d.peak == e["peak"] as? Int)
            #expect(d.valley == e["valley"] as? Int)
            #expect(d.recovery == e["recovery"] as? Int)
            expectRelative(d.depth, try number(e, "depth"), 1e-9, "depth")
        }
        // The deepest drawdown (peak 809 → recovery 2039) is also the longest time under water.
        #expect(goog.maxDrawdownDuration() == 2039 - 809 - 1)
        #expect(table[0].duration == 2039 - 809)
    }

    @Test func tradeStatisticsMatchQuantstats() throws {
        let t = try #require(golden["trades"] as? [String: Any])
        let stats = try TradeStatistics(outcomes: goog.values)
        expectRelative(stats.winRate, try number(t, "winRate"), 1e-9, "winRate")
        expectRelative(stats.profitFactor, try number(t, "profitFactor"), 1e-9, "profitFactor")
        expectRelative(stats.averageWin, try number(t, "averageWin"), 1e-9, "averageWin")
        expectRelative(stats.averageLoss, try number(t, "averageLoss"), 1e-9, "averageLoss")
        expectRelative(stats.payoffRatio, try number(t, "payoffRatio"), 1e-9, "payoffRatio")
        expectRelative(stats.kellyFraction, try number(t, "kelly"), 1e-9, "kelly")
        expectRelative(stats.systemQualityNumber, try number(t, "sqn"), 1e-9, "sqn")
        expectRelative(stats.expectancy, try number(t, "expectancy"), 1e-9, "expectancy")
    }

    @Test func badInputIsRejected() throws {
        #expect(throws: AnalyticsError.nonFiniteValue(what: "return", index: 1)) {
            try ReturnSeries([0.01, .nan, 0.02])
        }
        #expect(throws: AnalyticsError.nonFiniteValue(what: "price", index: 2)) {
            try ReturnSeries(prices: [1, 2, .nan])
        }
        #expect(throws: AnalyticsError.tooFewObservations(needed: 2, got: 1)) {
            try ReturnSeries([0.01]).sharpeRatio()
        }
        #expect(throws: AnalyticsError.lengthMismatch("benchmark has 2 periods, series has 3")) {
            try ReturnSeries([0.01, 0.02, 0.03]).beta(against: ReturnSeries([0.01, 0.02]))
        }
        #expect(throws: AnalyticsError.self) { try ReturnSeries([0.01, 0.01, 0.01]).sharpeRatio() }
        #expect(throws: AnalyticsError.self) { try TradeStatistics(outcomes: [1, 2, 3]) }
    }
}
