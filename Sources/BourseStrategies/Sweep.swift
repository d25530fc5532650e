public import BourseEngine
import Foundation
import Synchronization

/// Parameter sweeps: every combination of a grid (or a seeded random sample of it) run in
/// parallel on worker threads, one kernel per worker at a time, ranked by a metric.
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
        // The kernels are long synchronous computations: they run on threads of their own, not on
        // the Swift concurrency pool, whose few threads (one per core) callers may hold. (Inside
        // the benchmark harness one of the two threads of a two-core machine waits on a semaphore,
        // and a task group of kernels got one core.)
        let rows = await withCheckedContinuation { (done: CheckedContinuation<[Row], Never>) in
            DispatchQueue.global().async {
                done.resume(returning: evaluate(entry, combinations: combinations, config: config, parallelism: parallelism))
            }
        }
        let ordered = rows.enumerated()
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

    /// Evaluates every combination on `parallelism` worker threads, each with its own copy of the
    /// data (the kernels then share no reference-counted buffer), the next combination going to
    /// the first free worker. Rows come back in combination order.
    private static func evaluate(
        _ entry: StrategyEntry, combinations: [[String]], config: BacktestConfig, parallelism: Int
    ) -> [Row] {
        let workers = min(max(1, parallelism), combinations.count)
        let configs = (0..<workers).map { $0 == 0 ? config : config.copyingStorage() }
        let results = Mutex([Row?](repeating: nil, count: combinations.count))
        let next = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < combinations.count else { return }
                let parameters = combinations[index]
                let row: Row
                do {
                    let result = try entry.evaluate(parameters, configs[worker])
                    row = Row(parameters: parameters, metrics: result.metrics, finalEquity: result.finalEquity, error: nil)
                } catch {
                    row = Row(parameters: parameters, metrics: .empty, finalEquity: "", error: "\(error)")
                }
                results.withLock { $0[index] = row }
            }
        }
        return results.withLock { $0.compactMap { $0 } }
    }
}
