import ArgumentParser
import BourseCore
import BourseData
import BourseEngine
import BourseStrategies
import Foundation

/// `bourse demo`: the SMA(10, 20) crossover on the bundled GOOG daily data.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Backtest the SMA(10, 20) crossover on bundled GOOG daily data (2004–2013) with 10,000 USD, and report.",
        discussion: "Run from the repository root (the data is data/demo/GOOG.csv), or pass --data."
    )

    @Option(help: "The bundled data file.") var data = "data/demo/GOOG.csv"
    @Option(help: "Strategy name.") var strategy = "sma-cross"
    @Option(name: .customLong("param"), help: "A strategy parameter, NAME=VALUE (repeatable).") var params: [String] = ["fast=10", "slow=20"]
    @OptionGroup var options: BacktestOptions
    @OptionGroup var outputs: ReportOptions

    func run() throws {
        guard FileManager.default.fileExists(atPath: data) else {
            throw ValidationError("bundled data not found at \(data): run from the repository root or pass --data FILE")
        }
        let entry = try StrategyCatalog.named(strategy)
        let settings = try options.load()
        var config = try BacktestConfig.csv(
            paths: [data], instrumentIDs: ["GOOG.NASDAQ"], spec: .oneDay, labels: .open,
            startingCash: try options.startingCash(settings, fallback: Money(parsing: "10000", .USD)))
        BacktestOptions.apply(settings, to: &config)
        try RiskSettings.apply(settings, to: &config)
        var outputs = outputs
        if outputs.report == nil { outputs.report = "bourse-demo-report.html" }
        let result = try entry.run(params, config)
        try outputs.emit(result, config: config, title: "Bourse demo: \(entry.name) on GOOG daily")
    }
}
