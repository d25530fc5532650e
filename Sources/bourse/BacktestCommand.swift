import ArgumentParser
import BourseCore
import BourseData
import BourseEngine
import BourseStrategies

/// `bourse backtest`: runs a built-in strategy on CSV bar files.
struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Run a built-in strategy on OHLCV CSV data.",
        discussion: "Strategies: " + StrategyCatalog.all.map { "\($0.name) (\($0.parameters.map { "\($0.name)=\($0.defaultValue)" }.joined(separator: " ")))" }.joined(separator: "; ")
    )

    @Option(help: "Strategy name (see the list below).") var strategy: String
    @Option(name: .customLong("param"), help: "A strategy parameter, NAME=VALUE (repeatable).") var params: [String] = []
    @Option(help: "An OHLCV CSV file (repeatable, one instrument each).") var data: [String] = []
    @Option(help: "Instrument id per data file (default: FILESTEM.SIM).") var instrument: [String] = []
    @Option(help: "Bar spec of the files.") var barSpec = "1-DAY-LAST"
    @Option(help: "Whether the file's timestamps label bar opens or closes: open or close.") var labels = "open"
    @OptionGroup var options: BacktestOptions

    func run() throws {
        let entry = try StrategyCatalog.named(strategy)
        guard let label = TimestampLabel(rawValue: labels) else { throw ValidationError("--labels must be open or close") }
        var config = try BacktestConfig.csv(
            paths: data, instrumentIDs: instrument, spec: try BarSpec(barSpec), labels: label,
            startingCash: try options.startingCash())
        try options.apply(to: &config)
        let result = try entry.run(params, config)
        try options.emit(result, config: config, title: "Bourse backtest: \(entry.name) on \(config.instruments.map(\.id.description).joined(separator: ", "))")
    }
}
