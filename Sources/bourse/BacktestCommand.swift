import ArgumentParser
import BourseConfiguration
import BourseCore
import BourseEngine
import BourseSQLite
import BourseStrategies
import Foundation

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
    @Option(help: "Journal the run to this new SQLite file (inspect it with `bourse audit`); off by default.") var journal: String?
    @Flag(help: "With --journal: journal a mark for every bar or tick delivered too.") var journalMarketData = false

    func run() throws {
        let (settings, config) = try Self.load(input, options)
        let (entry, parameters) = try RunOptions.strategy(settings)
        let result: BacktestResult
        if let journal {
            let store = try SQLiteEventJournal(path: journal, durability: .groupCommit(milliseconds: 10))
            for warning in store.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
            let opening = Self.openingRecords(
                strategy: entry.name, parameters: parameters, settings: settings,
                actor: ProcessInfo.processInfo.environment["USER"] ?? "unknown")
            result = try entry.run(
                parameters, config, journal: BacktestJournal(journal: store, recordsMarketData: journalMarketData, opening: opening))
        } else {
            result = try entry.run(parameters, config)
        }
        try outputs.emit(result, config: config, title: "Bourse backtest: \(entry.name) on \(config.instruments.map(\.id.description).joined(separator: ", "))")
    }

    /// The audit records a journaled run starts with: who ran what, and the effective
    /// configuration with the source of every setting.
    static func openingRecords(strategy: String, parameters: [String], settings: Configuration, actor: String) -> [AuditEntry] {
        [
            AuditEntry(
                category: .operatorCommand, actor: actor, action: "bourse backtest \(strategy)",
                reason: parameters.isEmpty ? "default parameters" : parameters.joined(separator: " ")),
            AuditEntry(
                category: .configurationChange, actor: "configuration", action: "effective configuration at start",
                reason: settings.line()),
        ]
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
