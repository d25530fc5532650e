import BourseCore
public import BourseEngine
import BourseData

/// Walk-forward analysis: optimise a strategy's parameters over an in-sample window with a
/// ``Sweep``, run the best combination on the out-of-sample window that follows, step forward
/// by the out-of-sample length, and repeat; the out-of-sample runs, chained, are the honest
/// estimate of the strategy with re-optimisation.
///
/// Windows count **bars of the first bar series** (the timeline). With in-sample length *I* and
/// out-of-sample length *O*, window *k* optimises over bars `[k·O, k·O + I)` (rolling) or
/// `[0, k·O + I)` (anchored) and tests on `[k·O + I, k·O + I + O)`, the last one cut at the end
/// of the data. Each run is a fresh backtest of its window (starting cash, flat, indicators warm
/// up inside the window); the stitched result compounds the out-of-sample runs (see
/// ``SummaryMetrics/init(stitching:)``).
///
/// ```swift
/// let report = try await WalkForward.run(StrategyCatalog.named("sma-cross"),
///     grid: [("fast", ["5", "10"]), ("slow", ["20", "50"])], config: config, inSample: 500, outOfSample: 125)
/// report.stitched.totalReturn
/// ```
public enum WalkForward {
    /// Rolling windows keep the in-sample length; anchored ones grow from the first bar.
    public enum Mode: String, Sendable, Codable, CaseIterable {
        case rolling, anchored
    }

    /// One in-sample optimisation and its out-of-sample test.
    public struct Window: Sendable, Codable, Equatable {
        /// First and last bar times (close times) of the in-sample and out-of-sample ranges.
        public let inSampleStart: String
        public let inSampleEnd: String
        public let outOfSampleStart: String
        public let outOfSampleEnd: String
        /// The best combination in sample (`NAME=VALUE`), empty when no combination ran.
        public let parameters: [String]
        /// Its in-sample score by the ranking metric.
        public let inSampleScore: Double?
        /// The out-of-sample metrics and final equity (`nil` when no combination ran in sample).
        public let outOfSample: SummaryMetrics?
        public let outOfSampleFinalEquity: String?
        /// Why the window has no out-of-sample run.
        public let error: String?
    }

    /// Per-window results and the stitched out-of-sample summary.
    public struct Report: Sendable, Codable, Equatable {
        public let strategy: String
        public let mode: Mode
        public let ranking: String
        public let inSampleBars: Int
        public let outOfSampleBars: Int
        public let windows: [Window]
        public let stitched: SummaryMetrics
        /// The chained out-of-sample equity at the end, from the configuration's starting cash.
        public let stitchedFinalEquity: Double
    }

    /// The bar ranges of the windows over `count` bars: (in-sample, out-of-sample) index ranges.
    public static func windows(count: Int, inSample: Int, outOfSample: Int, mode: Mode) -> [(Range<Int>, Range<Int>)] {
        guard inSample > 0, outOfSample > 0 else { return [] }
        var out: [(Range<Int>, Range<Int>)] = []
        var k = 0
        while k * outOfSample + inSample < count {
            let testStart = k * outOfSample + inSample
            let train = (mode == .rolling ? k * outOfSample : 0)..<testStart
            out.append((train, testStart..<min(testStart + outOfSample, count)))
            k += 1
        }
        return out
    }

    /// Runs the walk-forward analysis of `entry` over `grid` (every combination, or `sample`
    /// combinations drawn with `seed` when given), `parallelism` backtests at a time.
    public static func run(
        _ entry: StrategyEntry, grid: [(String, [String])], config: BacktestConfig, inSample: Int, outOfSample: Int,
        mode: Mode = .rolling, ranking: Sweep.Ranking = .sharpe, sample: (count: Int, seed: UInt64)? = nil,
        parallelism: Int = Sweep.defaultParallelism
    ) async throws -> Report {
        guard let timeline = config.bars.first?.timestamps else { throw EngineError.configuration("walk-forward needs bar data") }
        let ranges = windows(count: timeline.count, inSample: inSample, outOfSample: outOfSample, mode: mode)
        guard !ranges.isEmpty else {
            throw EngineError.configuration(
                "walk-forward needs more than inSample (\(inSample)) bars and outOfSample > 0; the data has \(timeline.count)")
        }
        let combinations = sample.map { Sweep.sample(Sweep.combinations(grid), count: $0.count, seed: $0.seed) } ?? Sweep.combinations(grid)
        var windows: [Window] = []
        var tests: [BacktestResult] = []
        for (train, test) in ranges {
            var trainConfig = config
            trainConfig.start = UnixNanos(timeline[train.lowerBound])
            trainConfig.end = UnixNanos(timeline[train.upperBound - 1])
            var testConfig = config
            testConfig.start = UnixNanos(timeline[test.lowerBound])
            testConfig.end = UnixNanos(timeline[test.upperBound - 1])
            let rows = await Sweep.run(entry, combinations: combinations, config: trainConfig, ranking: ranking, parallelism: parallelism)
            let text = { (i: Int) in UnixNanos(timeline[i]).description }
            var result: BacktestResult?
            var failure: String?
            let best = rows.first.flatMap { $0.error == nil ? $0 : nil }
            let score = best.flatMap { ranking.score($0.metrics) }
            if let best, score != nil {
                result = try entry.run(best.parameters, testConfig)
                result.map { tests.append($0) }
            } else {
                failure = rows.first?.error ?? "no combination has a \(ranking.rawValue) in sample"
            }
            windows.append(Window(
                inSampleStart: text(train.lowerBound), inSampleEnd: text(train.upperBound - 1),
                outOfSampleStart: text(test.lowerBound), outOfSampleEnd: text(test.upperBound - 1),
                parameters: result == nil ? [] : best?.parameters ?? [], inSampleScore: score, outOfSample: result?.metrics,
                outOfSampleFinalEquity: result?.finalEquity, error: failure))
        }
        let stitched = SummaryMetrics(stitching: tests)
        return Report(
            strategy: entry.name, mode: mode, ranking: ranking.rawValue, inSampleBars: inSample, outOfSampleBars: outOfSample,
            windows: windows, stitched: stitched,
            stitchedFinalEquity: config.startingCash.doubleValue * (1 + stitched.totalReturn))
    }
}
