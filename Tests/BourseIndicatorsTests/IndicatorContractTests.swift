import Testing
import BourseIndicators

/// The contract every indicator honours (after LEAN's CommonIndicatorTests): TA-Lib's
/// values and warm-up, streaming == batch, reset-then-replay identical, bad input never traps.
@Suite("Indicator contract")
struct IndicatorContractTests {
    /// Relative tolerance against TA-Lib.
    static let relativeTolerance = 1e-9
    /// Absolute floor for values near zero (oscillators crossing 0, MACD histogram, slopes),
    /// where a relative error is meaningless:
    /// `|a − b| ≤ 1e-9 · max(|b|, 0.01 · largest |value| of that output over the series)`,
    /// i.e. at most 1e-11 of the output's own scale.
    static let nearZeroFraction = 0.01
    /// And never below the arithmetic noise of the inputs: `1e-13 · largest |price|`
    /// (TA-Lib 0.8's LINEARREG_SLOPE carries ~1.6e-14 absolute error on EUR/USD closes,
    /// where the exact slope is −9.4505494505e-06 and ours is exact to 2e-17).
    static let inputNoiseFraction = 1e-13

    @Test("matches TA-Lib value for value, warm-up included", arguments: IndicatorCatalog.talib)
    func matchesTALib(_ indicator: IndicatorCase) throws {
        for series in MarketSeries.all {
            let fixture = try #require(TALibFixture.all[series.name], "missing fixture for \(series.name)")
            let expected = try #require(fixture.cases.first { $0.name == indicator.name }, "no fixture \(indicator.name)")
            let run = indicator.stream(series)
            #expect(run.columns.count == expected.outputs.count)
            let firstReady = run.ready.firstIndex(of: true)
            for output in expected.outputs {
                #expect(firstReady == output.begin, "\(series.name) \(indicator.name): first ready index")
                #expect(indicator.lookback == output.begin, "\(series.name) \(indicator.name): lookback")
                let actual = run.columns[output.output]
                #expect(actual[..<output.begin].allSatisfy { $0.isNaN }, "\(series.name) \(indicator.name): NaN before warm-up")
                let scale = output.values.map(abs).max() ?? 0
                let inputNoise = Self.inputNoiseFraction * (series.high.map(abs).max() ?? 0)
                var worst = 0.0
                var worstIndex = -1
                for (k, want) in output.values.enumerated() {
                    let got = actual[output.begin + k]
                    let allowed = max(
                        Self.relativeTolerance * max(abs(want), Self.nearZeroFraction * scale), inputNoise)
                    let excess = abs(got - want) / allowed
                    if !(excess <= worst) {
                        worst = excess
                        worstIndex = output.begin + k
                    }
                }
                #expect(
                    worst <= 1, "\(series.name) \(indicator.name)[\(output.output)]: worst at \(worstIndex): got \(worstIndex >= 0 ? actual[worstIndex] : .nan), want \(worstIndex >= 0 ? output.values[worstIndex - output.begin] : .nan)")
            }
        }
    }

    @Test("streaming equals batch; reset then replay is identical; ready stays ready", arguments: IndicatorCatalog.all)
    func contract(_ indicator: IndicatorCase) {
        for series in MarketSeries.all {
            let run = indicator.stream(series)
            #expect(identical(run.columns.flatMap { $0 }, indicator.batch(series).flatMap { $0 }), "\(series.name)")
            #expect(indicator.replay(series) == run, "\(series.name)")
            let firstReady = run.ready.firstIndex(of: true)
            #expect(firstReady == indicator.lookback, "\(series.name)")
            if let firstReady {
                #expect(run.ready[firstReady...].allSatisfy { $0 }, "\(series.name)")
                #expect(run.columns.allSatisfy { $0[..<firstReady].allSatisfy { $0.isNaN } }, "\(series.name)")
            }
        }
    }

    @Test("non-finite inputs never trap and reset recovers", arguments: IndicatorCatalog.all)
    func nonFiniteInputs(_ indicator: IndicatorCase) throws {
        let series = try #require(MarketSeries.all.first)
        let clean = indicator.stream(series)
        for poison in [Double.nan, .infinity, -.infinity] {
            let (poisoned, afterReset) = indicator.poisonThenReset(series) { i, v in i == 100 || i == 101 ? poison : v }
            #expect(poisoned.ready.count == series.count)
            // Outputs before the corruption are untouched.
            #expect(zip(poisoned.columns, clean.columns).allSatisfy { identical(Array($0[..<100]), Array($1[..<100])) })
            #expect(afterReset == clean, "reset after \(poison) inputs")
        }
    }

    @Test("periods longer than the data give no value")
    func shortData() throws {
        let closes = [1.0, 2, 3, 4]
        #expect(try SMA(period: 5).batch(closes).allSatisfy { $0.isNaN })
        #expect(try RSI(period: 14).batch(closes).allSatisfy { $0.isNaN })
        #expect(try SMA(period: 4).batch(closes).last == 2.5)
        #expect(try SMA(period: 3).batch([]).isEmpty)
    }
}
