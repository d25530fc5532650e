import ArgumentParser
import BourseEngine
import Foundation

/// The outputs of one backtest (`backtest`, `demo`): HTML report, JSON, CSV tables.
struct ReportOptions: ParsableArguments {
    @Option(help: "Write a self-contained HTML report here.") var report: String?
    @Option(help: "Write the full result as JSON here.") var json: String?
    @Option(help: "Write trades.csv, equity.csv and fills.csv into this directory.") var csvDir: String?

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
            try BacktestReport.html(result, prices: BacktestReport.prices(of: config.bars[0]), title: title)
                .write(toFile: report, atomically: true, encoding: .utf8)
            print("wrote \(report)")
        }
    }
}
