import BourseCore
import Testing
import BourseIndicators

/// Bad parameters give a typed error; nothing traps.
@Suite("Bad input")
struct BadInputTests {
    /// Every constructor taking a period, called with one bad period.
    static let constructors: [(String, @Sendable (Int) throws(IndicatorError) -> Void)] = [
        ("SMA", { p throws(IndicatorError) in _ = try SMA(period: p) }),
        ("EMA", { p throws(IndicatorError) in _ = try EMA(period: p) }),
        ("WMA", { p throws(IndicatorError) in _ = try WMA(period: p) }),
        ("DEMA", { p throws(IndicatorError) in _ = try DEMA(period: p) }),
        ("TEMA", { p throws(IndicatorError) in _ = try TEMA(period: p) }),
        ("KAMA", { p throws(IndicatorError) in _ = try KAMA(period: p) }),
        ("HMA", { p throws(IndicatorError) in _ = try HMA(period: p) }),
        ("TRIX", { p throws(IndicatorError) in _ = try TRIX(period: p) }),
        ("RSI", { p throws(IndicatorError) in _ = try RSI(period: p) }),
        ("MACD", { p throws(IndicatorError) in _ = try MACD(fastPeriod: p) }),
        ("STOCH", { p throws(IndicatorError) in _ = try Stochastic(slowDPeriod: p) }),
        ("STOCHF", { p throws(IndicatorError) in _ = try FastStochastic(fastKPeriod: p) }),
        ("STOCHRSI", { p throws(IndicatorError) in _ = try StochasticRSI(rsiPeriod: p) }),
        ("CCI", { p throws(IndicatorError) in _ = try CCI(period: p) }),
        ("WILLR", { p throws(IndicatorError) in _ = try WilliamsR(period: p) }),
        ("ROC", { p throws(IndicatorError) in _ = try ROC(period: p) }),
        ("MOM", { p throws(IndicatorError) in _ = try Momentum(period: p) }),
        ("ATR", { p throws(IndicatorError) in _ = try ATR(period: p) }),
        ("NATR", { p throws(IndicatorError) in _ = try NATR(period: p) }),
        ("BBANDS", { p throws(IndicatorError) in _ = try BollingerBands(period: p) }),
        ("Keltner", { p throws(IndicatorError) in _ = try KeltnerChannels(atrPeriod: p) }),
        ("Donchian", { p throws(IndicatorError) in _ = try DonchianChannels(period: p) }),
        ("ADX", { p throws(IndicatorError) in _ = try ADX(period: p) }),
        ("DI", { p throws(IndicatorError) in _ = try DirectionalIndicator(period: p) }),
        ("AROON", { p throws(IndicatorError) in _ = try Aroon(period: p) }),
        ("MFI", { p throws(IndicatorError) in _ = try MFI(period: p) }),
        ("VAR", { p throws(IndicatorError) in _ = try Variance(period: p) }),
        ("STDDEV", { p throws(IndicatorError) in _ = try StandardDeviation(period: p) }),
        ("ZScore", { p throws(IndicatorError) in _ = try ZScore(period: p) }),
        ("LINEARREG_SLOPE", { p throws(IndicatorError) in _ = try LinearRegressionSlope(period: p) }),
        ("CORREL", { p throws(IndicatorError) in _ = try Correlation(period: p) }),
        ("BETA", { p throws(IndicatorError) in _ = try Beta(period: p) }),
        ("RollingBeta", { p throws(IndicatorError) in _ = try RollingBeta(period: p) }),
    ]

    @Test("zero, negative and huge periods throw invalidPeriod", arguments: constructors.map(\.0))
    func badPeriods(_ name: String) throws {
        let make = try #require(Self.constructors.first { $0.0 == name }).1
        for period in [0, -1, Int.min, 100_001, Int.max] {
            do {
                try make(period)
                Issue.record("\(name) accepted period \(period)")
            } catch {
                guard case .invalidPeriod(_, _, let value, let allowed) = error else {
                    Issue.record("\(name): unexpected \(error)")
                    continue
                }
                #expect(value == period && !allowed.contains(period))
                #expect(error.description.contains("\(period)"))
            }
        }
        try make(20)  // a sane period works
    }

    @Test func badRealParameters() {
        #expect(throws: IndicatorError.self) { try ParabolicSAR(acceleration: .nan) }
        #expect(throws: IndicatorError.self) { try ParabolicSAR(maximum: -0.2) }
        #expect(throws: IndicatorError.self) { try BollingerBands(deviationsUp: .infinity) }
        #expect(throws: IndicatorError.self) { try StandardDeviation(deviations: .nan) }
        #expect(throws: IndicatorError.self) { try KeltnerChannels(multiplier: -1) }
        #expect(throws: IndicatorError.self) { try SessionRule(length: .zero) }
    }

    @Test func mismatchedBatchColumns() throws {
        #expect(throws: IndicatorError.lengthMismatch(expected: 3, actual: 2)) {
            try ATR(period: 2).batch(high: [1, 2], low: [1, 2, 3], close: [1, 2, 3])
        }
        #expect(throws: IndicatorError.lengthMismatch(expected: 2, actual: 1)) {
            try Correlation(period: 2).batch(x: [1, 2], y: [1])
        }
    }

    @Test func nanPropagatesThroughRunningSumsUntilReset() throws {
        var sma = try SMA(period: 3)
        for x in [1.0, 2, .nan, 4, 5, 6, 7] { sma.update(x) }
        #expect(sma.value.isNaN)  // documented: a NaN poisons the running sum
        sma.reset()
        for x in [1.0, 2, 3] { sma.update(x) }
        #expect(sma.value == 2)
    }
}
