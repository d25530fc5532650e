import BourseCore
import Testing
import BourseIndicators

/// Indicators TA-Lib lacks: hand-checked cases and seeded comparisons with a naive
/// recomputation over the whole window at every step.
@Suite("Indicators without a TA-Lib reference")
struct NonTALibIndicatorTests {
    static let seeds: [UInt64] = [1, 7, 42, 2024, 99_991]

    // MARK: Hand-checked

    @Test func hullMovingAverageHasNoLagOnALine() throws {
        // HMA(4): WMA(2) of 2·WMA(2) − WMA(4); on x = t both give back t exactly.
        let values = try HMA(period: 4).batch((1...10).map(Double.init))
        #expect(values[..<4].allSatisfy { $0.isNaN })
        for t in 4..<10 { #expect(close(values[t], Double(t + 1), 1e-12), "index \(t)") }
    }

    @Test func donchianChannelsByHand() throws {
        var donchian = try DonchianChannels(period: 3)
        let bars = [(10.0, 8.0), (12, 9), (11, 7), (9, 8.5), (13, 10)]
        var seen: [ChannelValue] = []
        for (h, l) in bars {
            donchian.update(high: h, low: l, close: l)
            seen.append(donchian.value)
        }
        #expect(seen[1].upper.isNaN)
        #expect(seen[2] == ChannelValue(upper: 12, middle: 9.5, lower: 7))
        #expect(seen[3] == ChannelValue(upper: 12, middle: 9.5, lower: 7))
        #expect(seen[4] == ChannelValue(upper: 13, middle: 10, lower: 7))
    }

    @Test func vwapRestartsEachUTCDay() throws {
        var vwap = VWAP(sessions: .utcDay)
        let day = Nanoseconds.perDay
        func sample(_ price: Double, _ volume: Double, _ time: Int64) -> VWAP.Sample {
            VWAP.Sample(HLCV(high: price, low: price, close: price, volume: volume), time: UnixNanos(time))
        }
        vwap.update(sample(10, 100, 0))
        #expect(vwap.value == 10)
        vwap.update(sample(13, 200, day - 1))
        #expect(vwap.value == 12)  // (10·100 + 13·200) / 300
        vwap.update(sample(20, 50, day))  // a new UTC day
        #expect(vwap.value == 20)
        vwap.update(sample(30, 0, day + 1))  // no volume: unchanged
        #expect(vwap.value == 20)
        // Before the epoch too (floor division).
        #expect(SessionRule.utcDay.session(of: UnixNanos(-1)) == -1)
    }

    @Test func vwapPlacesABarClosingAtMidnightInTheDayItCovers() throws {
        let barType = BarType(instrumentID: try InstrumentID("GOOG.NASDAQ"), spec: try BarSpec("1-DAY-LAST"))
        let price = try Price(raw: 10_000, precision: 2)
        let midnight = UnixNanos(Nanoseconds.perDay)
        let bar = Bar(
            unchecked: barType, open: price, high: price, low: price, close: price,
            volume: try Quantity(raw: 5, precision: 0), tsEvent: midnight, tsInit: midnight)
        var vwap = VWAP()
        vwap.update(bar)
        vwap.update(VWAP.Sample(HLCV(high: 200, low: 200, close: 200, volume: 5), time: UnixNanos(Nanoseconds.perDay - 5)))
        #expect(vwap.value == 150)  // same session: (100·5 + 200·5) / 10
    }

    @Test func zScoreByHand() throws {
        let z = try ZScore(period: 3).batch([1, 2, 3, 3, 3, 3])
        #expect(z[..<2].allSatisfy { $0.isNaN })
        #expect(close(z[2], 1 / (2.0 / 3).squareRoot(), 1e-12))  // (3 − 2) / √(2/3)
        #expect(z[5] == 0)  // constant window
    }

    @Test func rollingBetaOfALine() throws {
        let x = [0.01, -0.02, 0.03, 0.005, -0.01, 0.02]
        let beta = try RollingBeta(period: 4).batch(x: x, y: x.map { 2 * $0 + 0.001 })
        #expect(beta[..<3].allSatisfy { $0.isNaN })
        for b in beta[3...] { #expect(close(b, 2, 1e-12)) }
        #expect(try RollingBeta(period: 3).batch(x: [1, 1, 1], y: [1, 2, 3]).last == 0)  // constant x
    }

    @Test func keltnerIsEMAPlusMinusATR() throws {
        let series = try #require(MarketSeries.all.first)
        var keltner = try KeltnerChannels(emaPeriod: 20, atrPeriod: 10, multiplier: 2)
        var ema = try EMA(period: 20)
        var atr = try ATR(period: 10)
        for i in 0..<series.count {
            keltner.update(series.bar(i))
            ema.update(series.close[i])
            atr.update(series.bar(i))
            #expect(keltner.isReady == (ema.isReady && atr.isReady))
            if keltner.isReady {
                #expect(keltner.value == ChannelValue(upper: ema.value + 2 * atr.value, middle: ema.value, lower: ema.value - 2 * atr.value))
            }
        }
        #expect(keltner.lookback == 19)
    }

    // MARK: Against naive recomputation (seeded)

    @Test(arguments: seeds)
    func againstNaiveWindows(seed: UInt64) throws {
        var generator = SeededGenerator(state: seed)
        let x = generator.walk(600)
        let y = generator.walk(600)
        let highs = x.map { $0 * (1 + generator.next() * 0.01) }
        let lows = x.map { $0 * (1 - generator.next() * 0.01) }
        for period in [2, 5, 17, 64] {
            let hma = try HMA(period: period).batch(x)
            let z = try ZScore(period: period).batch(x)
            let beta = try RollingBeta(period: period).batch(x: x, y: y)
            let donchian = try DonchianChannels(period: period).batch(
                zip(highs, lows).map { HLCV(high: $0, low: $1, close: $1) })
            let sqrtPeriod = Int(Double(period).squareRoot())
            let rawLookback = period - 1
            for t in 0..<x.count {
                let context = "seed \(seed) period \(period) index \(t)"
                if t >= rawLookback + sqrtPeriod - 1 {
                    let raw = (0..<sqrtPeriod).map { k in
                        2 * naiveWMA(x, end: t - k, period: period / 2) - naiveWMA(x, end: t - k, period: period)
                    }.reversed()
                    #expect(close(hma[t], naiveWMA(Array(raw), end: sqrtPeriod - 1, period: sqrtPeriod)), "\(context)")
                } else {
                    #expect(hma[t].isNaN, "\(context)")
                }
                guard t >= period - 1 else {
                    #expect(z[t].isNaN && beta[t].isNaN && donchian[t].upper.isNaN, "\(context)")
                    continue
                }
                let window = Array(x[(t - period + 1)...t])
                let (mean, variance) = naiveMoments(window)
                #expect(close(z[t], (x[t] - mean) / variance.squareRoot(), 1e-7), "\(context)")
                let yWindow = Array(y[(t - period + 1)...t])
                let (meanY, _) = naiveMoments(yWindow)
                let covariance = zip(window, yWindow).map { ($0 - mean) * ($1 - meanY) }.reduce(0, +) / Double(period)
                #expect(close(beta[t], covariance / variance, 1e-7), "\(context)")
                #expect(donchian[t].upper == highs[(t - period + 1)...t].max())
                #expect(donchian[t].lower == lows[(t - period + 1)...t].min())
            }
        }
    }

    @Test(arguments: seeds)
    func vwapAgainstNaiveSessions(seed: UInt64) throws {
        var generator = SeededGenerator(state: seed)
        let rule = try SessionRule(length: .hours(8), origin: UnixNanos(3 * Nanoseconds.perHour))
        var vwap = VWAP(sessions: rule)
        var time: Int64 = -Nanoseconds.perDay
        var history: [(session: Int64, price: Double, volume: Double)] = []
        for _ in 0..<500 {
            time += Int64(generator.next() * Double(Nanoseconds.perHour))
            let bar = HLCV(high: 101 + generator.next(), low: 99 - generator.next(), close: 100, volume: (generator.next() * 10).rounded())
            vwap.update(VWAP.Sample(bar, time: UnixNanos(time)))
            let session = (time - 3 * Nanoseconds.perHour) >= 0
                ? (time - 3 * Nanoseconds.perHour) / (8 * Nanoseconds.perHour)
                : -((-(time - 3 * Nanoseconds.perHour) + 8 * Nanoseconds.perHour - 1) / (8 * Nanoseconds.perHour))
            history.append((session, bar.typicalPrice, bar.volume))
            let current = history.filter { $0.session == session }
            let volume = current.map(\.volume).reduce(0, +)
            let expected = volume > 0 ? current.map { $0.price * $0.volume }.reduce(0, +) / volume : .nan
            #expect(vwap.isReady == (volume > 0), "seed \(seed)")
            #expect(expected.isNaN ? vwap.value.isNaN : close(vwap.value, expected, 1e-12), "seed \(seed)")
        }
    }
}

/// The weighted mean of `values[end − period + 1 ... end]`, weights 1…period.
func naiveWMA(_ values: [Double], end: Int, period: Int) -> Double {
    var sum = 0.0
    for w in 1...period { sum += Double(w) * values[end - period + w] }
    return sum / Double(period * (period + 1) / 2)
}

/// Two-pass mean and population variance.
func naiveMoments(_ window: [Double]) -> (mean: Double, variance: Double) {
    let mean = window.reduce(0, +) / Double(window.count)
    return (mean, window.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(window.count))
}
