import ArgumentParser
import BourseConfiguration
import BourseCore
import BourseData
import BourseEngine
import BourseStrategies

/// What to run, shared by `backtest`, `sweep` and `walk-forward`: the strategy, its parameters
/// and the data. Each flag overrides its setting (see ``RunSettings``), so a `--config FILE` can
/// hold any of them.
struct RunOptions: ParsableArguments {
    @Option(help: "Strategy name (setting backtest.strategy; see `bourse backtest --help`).") var strategy: String?
    @Option(name: .customLong("param"), help: "A strategy parameter, NAME=VALUE (repeatable; setting strategy.NAME.PARAM).")
    var params: [String] = []
    @Option(help: "An OHLCV CSV file (repeatable, one instrument each; setting backtest.data).") var data: [String] = []
    @Option(help: "A close-only wide table (date, one column per instrument; setting backtest.close-table).")
    var closeTable: String?
    @Option(help: "Instrument id per data file, or the close table's columns (setting backtest.instruments).")
    var instrument: [String] = []
    @Option(help: "Bar spec of the data (setting backtest.bar-spec).") var barSpec: String?
    @Option(help: "Whether timestamps label bar opens or closes: open or close (setting backtest.labels).") var labels: String?

    /// The flags as overrides of their settings (parameters need the strategy: see ``parameterOverrides(strategy:)``).
    var overrides: [CommandLineOverride] {
        return CommandLineOverride.given([
            (strategy, RunSettings.strategy.key, "--strategy"),
            (data.isEmpty ? nil : data.joined(separator: ","), RunSettings.data.key, "--data"),
            (closeTable, RunSettings.closeTable.key, "--close-table"),
            (instrument.isEmpty ? nil : instrument.joined(separator: ","), RunSettings.instruments.key, "--instrument"),
            (barSpec, RunSettings.barSpec.key, "--bar-spec"),
            (labels, RunSettings.labels.key, "--labels"),
        ])
    }

    /// `--param NAME=VALUE` as overrides of `strategy.<strategy>.NAME`.
    func parameterOverrides(strategy: String) throws -> [CommandLineOverride] {
        try params.map { try CommandLineOverride.assignment($0, prefix: "strategy.\(strategy)", flag: "--param") }
    }

    /// The configured strategy and its `NAME=VALUE` parameters (every declared one).
    static func strategy(_ configuration: Configuration) throws -> (StrategyEntry, [String]) {
        let entry = try StrategyCatalog.named(configuration[RunSettings.strategy])
        return (entry, entry.parameters.map { "\($0.name)=\(configuration[RunSettings.parameter($0, of: entry.name)])" })
    }

    /// The backtest configuration the settings describe.
    static func backtestConfig(_ configuration: Configuration, startingCash: Money) throws -> BacktestConfig {
        let spec = configuration[RunSettings.barSpec]
        let labels = configuration[RunSettings.labels]
        if let table = configuration[RunSettings.closeTable] {
            return try BacktestConfig.closeTable(
                path: table, columns: configuration[RunSettings.instruments], spec: spec, labels: labels,
                tickSize: Price(uncheckedRaw: 1, precision: 6), startingCash: startingCash)
        }
        let files = configuration[RunSettings.data]
        guard !files.isEmpty else {
            throw ValidationError("no data: give --data FILE (or --close-table FILE), or set backtest.data in the configuration")
        }
        return try BacktestConfig.csv(
            paths: files, instrumentIDs: configuration[RunSettings.instruments], spec: spec, labels: labels, startingCash: startingCash)
    }
}
