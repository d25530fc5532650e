import ArgumentParser
import BourseConfiguration
import BourseEngine
import BourseStrategies

/// `bourse backtest`: runs a built-in strategy on CSV bar files.
struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Run a built-in strategy on OHLCV CSV data (flags, or a --config FILE).",
        discussion: "Strategies: " + StrategyCatalog.all.map { "\($0.name) (\($0.parameters.map { "\($0.name)=\($0.defaultValue)" }.joined(separator: " ")))" }.joined(separator: "; ")
    )

    @OptionGroup var input: RunOptions
    @OptionGroup var options: BacktestOptions
    @OptionGroup var outputs: ReportOptions

    func run() throws {
        let (settings, config) = try Self.load(input, options)
        let (entry, parameters) = try RunOptions.strategy(settings)
        let result = try entry.run(parameters, config)
        try outputs.emit(result, config: config, title: "Bourse backtest: \(entry.name) on \(config.instruments.map(\.id.description).joined(separator: ", "))")
    }

    /// The effective settings (parameters included) and the backtest configuration they describe.
    static func load(_ run: RunOptions, _ options: BacktestOptions, more: [CommandLineOverride] = []) throws -> (Configuration, BacktestConfig) {
        let first = try options.load(run.overrides + more)
        let settings = try options.load(run.overrides + more + run.parameterOverrides(strategy: first[RunSettings.strategy]))
        var config = try RunOptions.backtestConfig(settings, startingCash: options.startingCash(settings))
        BacktestOptions.apply(settings, to: &config)
        try RiskSettings.apply(settings, to: &config)
        return (settings, config)
    }
}
