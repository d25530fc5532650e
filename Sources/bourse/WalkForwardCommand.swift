import ArgumentParser
import BourseConfiguration
import BourseStrategies

/// `bourse walk-forward`: rolling or anchored in-sample optimisation, out-of-sample test.
struct WalkForwardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "walk-forward",
        abstract: "Optimise over each in-sample window, test the best parameters on the next out-of-sample window, stitch the tests.",
        discussion: "Example: bourse walk-forward --strategy sma-cross --data GOOG.csv --grid fast=5,10,20 --grid slow=30,50 --in-sample 504 --out-of-sample 126"
    )

    @OptionGroup var input: RunOptions
    @OptionGroup var search: SweepOptions
    @OptionGroup var options: BacktestOptions
    @Option(help: "In-sample window in bars (setting walk-forward.in-sample).") var inSample: String?
    @Option(help: "Out-of-sample window and step in bars (setting walk-forward.out-of-sample).") var outOfSample: String?
    @Option(help: "rolling or anchored (setting walk-forward.mode).") var mode: String?

    func run() async throws {
        let first = try options.load(input.overrides)
        let own = CommandLineOverride.given([
            (inSample, RunSettings.inSample.key, "--in-sample"), (outOfSample, RunSettings.outOfSample.key, "--out-of-sample"),
            (mode, RunSettings.mode.key, "--mode"),
        ])
        let more = try search.overrides(strategy: first[RunSettings.strategy])
            + own
        let (settings, config) = try BacktestCommand.load(input, options, more: more)
        let (entry, _) = try RunOptions.strategy(settings)
        let report = try await WalkForward.run(
            entry, grid: SweepOptions.grid(settings, entry), config: config, inSample: settings[RunSettings.inSample],
            outOfSample: settings[RunSettings.outOfSample], mode: settings[RunSettings.mode], ranking: settings[RunSettings.ranking],
            sample: SweepOptions.sample(settings), parallelism: SweepOptions.parallelism(settings))
        print(WalkForward.table(report))
        try search.write(csv: nil, json: report)
    }
}
