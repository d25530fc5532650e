import BourseCore
import BourseData
import BourseEngine
import Foundation

/// Committed fixtures, found from this file's location (repository root = two levels up).
enum Fixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func path(_ relative: String) -> String { repositoryRoot.appendingPathComponent(relative).path }

    /// GOOG daily bars (data/demo/GOOG.csv), each row the bar opening at its date.
    static func googSeries() throws -> BarSeries {
        let goog = try Instrument.equity("GOOG.NASDAQ")
        let options = BarImportOptions(
            barType: BarType(instrumentID: goog.id, spec: .oneDay), labels: .open, tickSize: goog.tickSize)
        return try BarCSVImporter.importBars(path: path("data/demo/GOOG.csv"), options: options).series
    }

    /// A backtest of GOOG with backtesting.py's settings: 10,000 USD, 0.2 % commission,
    /// margin account at leverage 1, fills at the next open.
    static func googConfig() throws -> BacktestConfig {
        var config = try BacktestConfig(
            instruments: [try Instrument.equity("GOOG.NASDAQ")], bars: [try googSeries()],
            startingCash: try Money(parsing: "10000", .USD))
        config.commissionRate = try Rate(parsing: "0.002")
        return config
    }
}
