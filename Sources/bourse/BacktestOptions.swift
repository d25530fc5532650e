import ArgumentParser
import BourseCore
import BourseData
import BourseEngine
import Foundation

/// Options shared by `bourse backtest` and `bourse demo`: account, venue and outputs.
struct BacktestOptions: ParsableArguments {
    @Option(help: "Starting cash.") var cash = "10000"
    @Option(help: "Account currency.") var currency = "USD"
    @Option(help: "Commission as a fraction of notional per fill (0.002 = 0.2 %).") var commission = "0.002"
    @Option(help: "Account kind: margin or cash.") var account = "margin"
    @Option(help: "Leverage of a margin account.") var leverage = "1"
    @Option(help: "Market order fills: next-open or close.") var fill = "next-open"
    @Option(help: "First date to use (YYYY-MM-DD, inclusive).") var from: String?
    @Option(help: "Last date to use (YYYY-MM-DD, inclusive).") var to: String?
    @Option(help: "Write a self-contained HTML report here.") var report: String?
    @Option(help: "Write the full result as JSON here.") var json: String?
    @Option(help: "Write trades.csv, equity.csv and fills.csv into this directory.") var csvDir: String?

    func startingCash() throws -> Money {
        let currency = try Currency.named(currency)
        return try Money(parsing: cash, currency)
    }

    /// Applies account, venue and time range to `config`.
    func apply(to config: inout BacktestConfig) throws {
        config.commissionRate = try Rate(parsing: commission)
        switch account {
        case "margin": config.accountKind = .margin(leverage: try Rate(parsing: leverage))
        case "cash": config.accountKind = .cash
        default: throw ValidationError("--account must be margin or cash, got '\(account)'")
        }
        guard let timing = FillTiming(rawValue: fill) else { throw ValidationError("--fill must be next-open or close, got '\(fill)'") }
        config.fillTiming = timing
        config.start = try from.map { try Self.date($0, endOfDay: false) }
        config.end = try to.map { try Self.date($0, endOfDay: true) }
    }

    static func date(_ text: String, endOfDay: Bool) throws -> UnixNanos {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { throw ValidationError("dates are YYYY-MM-DD, got '\(text)'") }
        let day = try CivilDateTime(year: parts[0], month: parts[1], day: parts[2]).unixNanos
        return endOfDay ? day + .days(1) : day
    }

    /// Prints the summary and writes the requested outputs.
    func emit(_ result: BacktestResult, config: BacktestConfig, title: String) throws {
        print(BacktestReport.summaryTable(result))
        if let json {
            try BacktestReport.json(result).write(to: URL(fileURLWithPath: json))
            print("wrote \(json)")
        }
        if let csvDir {
            try FileManager.default.createDirectory(atPath: csvDir, withIntermediateDirectories: true)
            for (name, text) in [
                ("trades.csv", BacktestReport.tradesCSV(result)), ("equity.csv", BacktestReport.equityCSV(result)),
                ("fills.csv", BacktestReport.fillsCSV(result)),
            ] {
                try text.write(toFile: csvDir + "/" + name, atomically: true, encoding: .utf8)
            }
            print("wrote \(csvDir)/trades.csv, equity.csv, fills.csv")
        }
        if let report {
            let series = config.bars[0]
            let prices = (0..<series.count).map { i in
                (time: UnixNanos(series.timestamps[i] - (series.barType.spec.duration?.rawValue ?? 0)).description,
                 close: series[i].close.doubleValue)
            }
            try BacktestReport.html(result, prices: prices, title: title).write(toFile: report, atomically: true, encoding: .utf8)
            print("wrote \(report)")
        }
    }
}
