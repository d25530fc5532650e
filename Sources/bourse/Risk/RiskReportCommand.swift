import ArgumentParser
import BourseAnalytics
import BourseConfiguration
import BourseCore
import BourseRisk
import Foundation

/// `bourse risk report`: VaR/CVaR, exposure and stress tables for a positions file (with the
/// daily prices of its instruments) or for a backtest's equity curve (its `equity.csv`).
struct RiskReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "VaR/CVaR, exposure and stress tables for a positions file or a backtest's equity curve.",
        discussion: """
            Either --positions with --equity and --prices (a CSV of daily closes, first column the date, \
            one column per instrument id), or --equity-curve with a backtest's equity.csv \
            (bourse backtest --csv-dir). N-day figures use the square-root-of-time rule.
            """
    )

    @OptionGroup var config: ConfigurationOptions
    @Option(help: "Positions CSV: instrument,quantity,price[,currency,asset_class,tags].") var positions: String?
    @Option(help: "Account equity in the base currency, e.g. '100000 USD'.") var equity: String?
    @Option(help: "Daily close prices CSV: date, then one column per instrument id.") var prices: String?
    @Option(help: "A backtest's equity.csv (time,equity,exposure).") var equityCurve: String?
    @Option(help: "Currency of the equity curve.") var currency = "USD"
    @Option(help: "A stress shock, INSTRUMENT=CHANGE or TAG=CHANGE (-0.2 = −20 %); repeatable.") var shock: [String] = []
    @Option(help: "Horizon of the N-day figures, in days.") var horizon = 10
    @Option(help: "Worst historical days to replay on the positions.") var worstDays = 3

    func validate() throws {
        guard (positions == nil) != (equityCurve == nil) else { throw ValidationError("give either --positions or --equity-curve") }
        if positions != nil, equity == nil || prices == nil { throw ValidationError("--positions needs --equity and --prices") }
        guard horizon >= 1 else { throw ValidationError("--horizon must be at least 1 day") }
    }

    /// The report's text for this process environment.
    func output(environment: [String: String]) throws -> String {
        let configuration = try config.load(environment: environment)
        let report: PortfolioRiskReport
        if let equityCurve {
            report = try PortfolioRiskReport(
                equityCurve: try Self.equityCurve(equityCurve), currency: try Currency.named(currency), horizonDays: horizon)
        } else if let positions, let equity, let prices {
            let options = try PortfolioOptions.parse(["--positions", positions, "--equity", equity])
            let table: PriceTable
            do { table = try PriceTable(csv: try Self.read(prices)) } catch let error as PriceTableParseError {
                throw ValidationError("\(prices):\(error.line): \(error.reason)")
            }
            report = try PortfolioRiskReport(
                portfolio: try options.portfolio(configuration), prices: table, shocks: try Self.scenarios(shock),
                horizonDays: horizon, worstDays: worstDays)
        } else {
            throw ValidationError("give either --positions or --equity-curve")
        }
        return RiskReportTables(report).text
    }

    func run() throws { print(try output(environment: ProcessInfo.processInfo.environment)) }

    static func read(_ path: String) throws -> String {
        do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ValidationError("cannot read \(path): \(error.localizedDescription)")
        }
    }

    /// The equity column of a backtest's equity.csv.
    static func equityCurve(_ path: String) throws -> [Double] {
        let lines = try read(path).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        guard let header = lines.first, let column = header.firstIndex(of: "equity") else {
            throw ValidationError("\(path):1: the header has no equity column")
        }
        return try lines.dropFirst().enumerated().map { index, cells in
            guard column < cells.count, let value = Double(cells[column]), value.isFinite, value > 0 else {
                throw ValidationError("\(path):\(index + 2): equity is not a positive number")
            }
            return value
        }
    }

    /// One scenario per `--shock`: an instrument id (`SYMBOL.VENUE`) or a tag, and a change.
    static func scenarios(_ shocks: [String]) throws -> [StressScenario] {
        try shocks.map { text in
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let change = try? Rate(parsing: parts[1]) else {
                throw ValidationError("--shock expects NAME=CHANGE such as tech=-0.2, got '\(text)'")
            }
            if let id = try? InstrumentID(parts[0]) {
                return StressScenario(name: "shock \(text)", instrumentShocks: [InstrumentShock(instrumentID: id, change: change)])
            }
            return StressScenario(name: "shock \(text)", tagShocks: [TagShock(tag: parts[0], change: change)])
        }
    }
}
