import ArgumentParser
import BourseConfiguration
import BourseStrategies

/// `bourse sweep`: a grid (or random) parameter search, in parallel, ranked.
struct SweepCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Backtest every combination of a parameter grid (or a seeded random sample of it) in parallel, ranked by a metric.",
        discussion: "Example: bourse sweep --strategy sma-cross --data GOOG.csv --grid fast=5,10,20 --grid slow=30,50,100 --csv sweep.csv"
    )

    @OptionGroup var input: RunOptions
    @OptionGroup var search: SweepOptions
    @OptionGroup var options: BacktestOptions
    @Option(help: "Rows of the table printed.") var top = 20

    func run() async throws {
        let first = try options.load(input.overrides)
        let (settings, config) = try BacktestCommand.load(input, options, more: search.overrides(strategy: first[RunSettings.strategy]))
        let (entry, _) = try RunOptions.strategy(settings)
        let grid = try SweepOptions.grid(settings, entry)
        let ranking = settings[RunSettings.ranking]
        let parallelism = SweepOptions.parallelism(settings)
        let rows: [Sweep.Row]
        if let sample = SweepOptions.sample(settings) {
            rows = await Sweep.random(entry, grid: grid, count: sample.count, seed: sample.seed, config: config, ranking: ranking, parallelism: parallelism)
        } else {
            rows = await Sweep.grid(entry, grid: grid, config: config, ranking: ranking, parallelism: parallelism)
        }
        print("\(entry.name): \(rows.count) combinations ranked by \(ranking.rawValue), \(parallelism) at a time")
        print(Sweep.table(rows, limit: top))
        try search.write(csv: Sweep.csv(rows), json: rows)
    }
}
