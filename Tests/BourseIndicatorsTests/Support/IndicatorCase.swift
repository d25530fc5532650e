import BourseIndicators
import Testing

/// What one indicator produced over a series: every output component after every update.
struct IndicatorRun: Equatable {
    /// `columns[c][i]`: component `c` after update `i`.
    var columns: [[Double]]
    /// `isReady` after each update.
    var ready: [Bool]

    static func == (a: IndicatorRun, b: IndicatorRun) -> Bool {
        a.ready == b.ready && a.columns.count == b.columns.count
            && zip(a.columns, b.columns).allSatisfy { identical($0, $1) }
    }
}

/// Bitwise equality, NaN equal to NaN.
func identical(_ a: [Double], _ b: [Double]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
}

/// A type-erased test driver for one configured indicator (tests only; the library
/// API stays generic).
struct IndicatorCase: Sendable, CustomTestStringConvertible {
    let name: String
    let lookback: Int
    /// Streams the series through a new indicator.
    let stream: @Sendable (MarketSeries) -> IndicatorRun
    /// Streams, resets, streams again: the second run.
    let replay: @Sendable (MarketSeries) -> IndicatorRun
    /// The batch API's output.
    let batch: @Sendable (MarketSeries) -> [[Double]]
    /// Streams a series with corrupted inputs (must not trap), resets, streams it clean:
    /// both runs.
    let poisonThenReset: @Sendable (MarketSeries, _ corrupt: @Sendable (Int, Double) -> Double) -> (IndicatorRun, IndicatorRun)

    var testDescription: String { name }

    init<I: Indicator & Sendable>(
        _ name: String, _ make: @escaping @Sendable () throws -> I,
        input: @escaping @Sendable (MarketSeries, Int, (Double) -> Double) -> I.Input,
        components: @escaping @Sendable (I.Output) -> [Double]
    ) {
        self.name = name
        let prototype: I
        do { prototype = try make() } catch { fatalError("test case \(name) has invalid parameters: \(error)") }
        lookback = prototype.lookback
        @Sendable func run(_ indicator: inout I, _ series: MarketSeries, _ corrupt: (Int, Double) -> Double) -> IndicatorRun {
            var result = IndicatorRun(columns: [], ready: [])
            for i in 0..<series.count {
                indicator.update(input(series, i) { corrupt(i, $0) })
                let values = components(indicator.value)
                if result.columns.isEmpty { result.columns = Array(repeating: [], count: values.count) }
                for (c, v) in values.enumerated() { result.columns[c].append(v) }
                result.ready.append(indicator.isReady)
            }
            return result
        }
        stream = { series in
            var indicator = prototype
            return run(&indicator, series) { $1 }
        }
        replay = { series in
            var indicator = prototype
            _ = run(&indicator, series) { $1 }
            indicator.reset()
            return run(&indicator, series) { $1 }
        }
        batch = { series in
            let rows = prototype.batch(count: series.count, input: { input(series, $0) { $0 } }, transform: components)
            guard let width = rows.first?.count else { return [] }
            return (0..<width).map { c in rows.map { $0[c] } }
        }
        poisonThenReset = { series, corrupt in
            var indicator = prototype
            let poisoned = run(&indicator, series, corrupt)
            indicator.reset()
            return (poisoned, run(&indicator, series) { $1 })
        }
    }

    /// A price indicator fed with closes.
    static func price<I: Indicator & Sendable>(
        _ name: String, _ make: @escaping @Sendable () throws -> I,
        components: @escaping @Sendable (I.Output) -> [Double]
    ) -> IndicatorCase where I.Input == Double {
        IndicatorCase(name, make, input: { s, i, c in c(s.close[i]) }, components: components)
    }

    /// A bar indicator fed with (high, low, close, volume).
    static func bar<I: Indicator & Sendable>(
        _ name: String, _ make: @escaping @Sendable () throws -> I,
        components: @escaping @Sendable (I.Output) -> [Double]
    ) -> IndicatorCase where I.Input == HLCV {
        IndicatorCase(
            name, make,
            input: { s, i, c in HLCV(high: c(s.high[i]), low: c(s.low[i]), close: c(s.close[i]), volume: s.volume[i]) },
            components: components)
    }

    /// A two-series indicator.
    static func pair<I: Indicator & Sendable>(
        _ name: String, _ make: @escaping @Sendable () throws -> I,
        x: @escaping @Sendable (MarketSeries) -> [Double], y: @escaping @Sendable (MarketSeries) -> [Double]
    ) -> IndicatorCase where I.Input == Pair, I.Output == Double {
        IndicatorCase(name, make, input: { s, i, c in Pair(x: c(x(s)[i]), y: c(y(s)[i])) }, components: { [$0] })
    }
}
