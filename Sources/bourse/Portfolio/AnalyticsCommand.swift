import ArgumentParser
import BourseAnalytics
import Foundation

/// `bourse analytics FILE`: the performance metric table of a return or equity series.
struct AnalyticsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analytics",
        abstract: "Print performance metrics of a CSV series (a header, then `date,value` rows).")

    enum Kind: String, ExpressibleByArgument, CaseIterable { case equity, returns }

    @Argument(help: "CSV file: a header line, then `date,value` rows.") var file: String
    @Option(help: "What the values are: equity (account values) or returns (simple, per period).") var kind: Kind = .equity
    @Option(help: "Periods per year of the rows.") var periodsPerYear: Double = 252

    func run() throws { print(try output()) }

    /// The table, or a typed error naming the file line at fault.
    func output() throws -> String {
        let text: String
        do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
            throw InputFileError(location: file, reason: "cannot be read (\(error.localizedDescription))")
        }
        let values = try parse(text)
        do {
            let series = kind == .equity
                ? try ReturnSeries(prices: values, periodsPerYear: periodsPerYear)
                : try ReturnSeries(values, periodsPerYear: periodsPerYear)
            return try table(series)
        } catch {
            throw InputFileError(location: file, reason: error.description)
        }
    }

    /// The value column; the header is skipped, as are blank and `#` lines.
    private func parse(_ text: String) throws -> [Double] {
        var values = [Double]()
        var sawHeader = false
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw[...]
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard sawHeader else {
                sawHeader = true
                continue
            }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            guard cells.count == 2 else {
                throw InputFileError(location: "\(file):\(index + 1)", reason: "expected 2 fields (date,value), found \(cells.count)")
            }
            guard let value = Double(cells[1].trimmingCharacters(in: .whitespaces)), value.isFinite else {
                throw InputFileError(location: "\(file):\(index + 1)", reason: "value: '\(cells[1])' is not a finite number")
            }
            if kind == .equity && value <= 0 {
                throw InputFileError(location: "\(file):\(index + 1)", reason: "value: equity \(value) is not positive")
            }
            values.append(value)
        }
        return values
    }

    private func table(_ series: ReturnSeries) throws(AnalyticsError) -> String {
        let rows: [(String, String)] = [
            ("periods", "\(series.count)"),
            ("cumulative return", format(series.cumulativeReturn())),
            ("annual return (CAGR)", format(try series.annualReturn())),
            ("annual volatility", format(try series.annualVolatility())),
            ("Sharpe ratio", format(try? series.sharpeRatio())),
            ("Sortino ratio", format(try? series.sortinoRatio())),
            ("Calmar ratio", format(try? series.calmarRatio())),
            ("Omega ratio", format(try? series.omegaRatio())),
            ("max drawdown", format(try series.maxDrawdown())),
            ("max drawdown duration", "\(series.maxDrawdownDuration()) periods"),
            ("tail ratio", format(try? series.tailRatio())),
            ("stability", format(try? series.stability())),
            ("skew", format(try? series.skewness())),
            ("kurtosis", format(try? series.kurtosis())),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n")
    }

    /// Six decimals, or `undefined` (e.g. a Sharpe ratio of a constant series).
    private func format(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "undefined" }
        return String(format: "%.6f", value)
    }
}
