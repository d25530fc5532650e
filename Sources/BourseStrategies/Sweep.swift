public import BourseEngine
import Foundation

/// Parameter sweeps: every combination of a grid (or a seeded random sample of it) run in
/// parallel with structured concurrency, one kernel per task, ranked by a metric.
///
/// ```swift
/// let rows = try await Sweep.grid(StrategyCatalog.named("sma-cross"),
///     grid: [("fast", ["5", "10", "20"]), ("slow", ["30", "50"])], config: config)
/// rows.first?.parameters   // the best combination by Sharpe ratio
/// ```
public enum Sweep {
    /// One evaluated combination.
    public struct Row: Sendable, Equatable, Codable {
        /// `NAME=VALUE` overrides, in grid order.
        public let parameters: [String]
        public let metrics: SummaryMetrics
        public let finalEquity: String
        /// Why the combination could not run (invalid combination, …), `nil` when it ran.
        public let error: String?
    }

    /// What ranks the rows (higher is better; `nil` metrics rank last).
    public enum Ranking: String, Sendable, CaseIterable {
        case sharpe, sortino, totalReturn = "total-return"

        func score(_ m: SummaryMetrics) -> Double? {
            switch self {
            case .sharpe: m.sharpeRatio
            case .sortino: m.sortinoRatio
            case .totalReturn: m.totalReturn
            }
        }
    }

    /// Every combination of `grid` (the cartesian product, first parameter varying slowest).
    public static func combinations(_ grid: [(String, [String])]) -> [[String]] {
        grid.reduce([[]]) { partial, axis in partial.flatMap { prefix in axis.1.map { prefix + ["\(axis.0)=\($0)"] } } }
    }

    /// One backtest per core by default.
    public static var defaultParallelism: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Runs every combination of `grid`, at most `parallelism` at a time, ranked by `ranking`
    /// (ties keep grid order, so the table is deterministic).
    public static func grid(
        _ entry: StrategyEntry, grid: [(String, [String])], config: BacktestConfig, ranking: Ranking = .sharpe,
        parallelism: Int = defaultParallelism
    ) async -> [Row] {
        await run(entry, combinations: combinations(grid), config: config, ranking: ranking, parallelism: parallelism)
    }

    /// Runs `count` combinations drawn from `grid` without replacement with a seeded generator.
    public static func random(
        _ entry: StrategyEntry, grid: [(String, [String])], count: Int, seed: UInt64, config: BacktestConfig,
        ranking: Ranking = .sharpe, parallelism: Int = defaultParallelism
    ) async -> [Row] {
        await run(entry, combinations: sample(combinations(grid), count: count, seed: seed), config: config, ranking: ranking, parallelism: parallelism)
    }

    /// `count` of `combinations` drawn without replacement with a seeded generator (a PCG-style
    /// LCG), in draw order.
    public static func sample(_ combinations: [[String]], count: Int, seed: UInt64) -> [[String]] {
        var all = combinations
        var state = seed
        var picked: [[String]] = []
        while picked.count < count && !all.isEmpty {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            picked.append(all.remove(at: Int((state >> 33) % UInt64(all.count))))
        }
        return picked
    }

    static func run(
        _ entry: StrategyEntry, combinations: [[String]], config: BacktestConfig, ranking: Ranking, parallelism: Int
    ) async -> [Row] {
        var rows = [Row?](repeating: nil, count: combinations.count)
        // One worker slot per concurrent task, each with its own copy of the data: the kernels
        // then share no reference-counted buffer across threads (see `copyingStorage()`).
        let slots = min(max(1, parallelism), combinations.count)
        let configs = (0..<slots).map { $0 == 0 ? config : config.copyingStorage() }
        await withTaskGroup(of: (Int, Int, Row).self) { group in
            var next = 0
            func launch(slot: Int) {
                let index = next
                let parameters = combinations[index]
                let config = configs[slot]
                next += 1
                group.addTask {
                    do {
                        let result = try entry.evaluate(parameters, config)
                        return (index, slot, Row(parameters: parameters, metrics: result.metrics, finalEquity: result.finalEquity, error: nil))
                    } catch {
                        return (index, slot, Row(parameters: parameters, metrics: .empty, finalEquity: "", error: "\(error)"))
                    }
                }
            }
            for slot in 0..<slots { launch(slot: slot) }
            for await (index, slot, row) in group {
                rows[index] = row
                if next < combinations.count { launch(slot: slot) }
            }
        }
        let ordered = rows.compactMap { $0 }.enumerated()
        return ordered.sorted { a, b in
            let (sa, sb) = (a.element.error == nil ? ranking.score(a.element.metrics) : nil, b.element.error == nil ? ranking.score(b.element.metrics) : nil)
            switch (sa, sb) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }
}
