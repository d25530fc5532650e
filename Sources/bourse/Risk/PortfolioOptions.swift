import ArgumentParser
import BourseConfiguration
import BourseCore
import BourseRisk
import Foundation

/// The portfolio `bourse risk` commands work on: a positions file and the account figures.
struct PortfolioOptions: ParsableArguments {
    @Option(help: "Positions CSV: instrument,quantity,price[,currency,asset_class,tags].") var positions: String
    @Option(help: "Account equity in the base currency, e.g. '100000 USD'.") var equity: String
    @Option(help: "Free cash (default: the equity).") var freeCash: String?
    @Option(help: "Equity at the start of the day (default: the equity).") var startOfDayEquity: String?
    @Option(help: "Highest equity seen (default: the equity).") var peakEquity: String?

    /// The portfolio, with the exchange rates of the configuration.
    func portfolio(_ configuration: Configuration) throws -> PortfolioSnapshot {
        let equity = try Self.money(self.equity, "--equity")
        let text: String
        do { text = try String(contentsOfFile: positions, encoding: .utf8) } catch {
            throw ValidationError("cannot read the positions file \(positions): \(error.localizedDescription)")
        }
        let file = try PositionsFile(text: text, path: positions, baseCurrency: equity.currency)
        let rates = configuration[RiskSettings.exchangeRates].map { ($0.currency, $0.rate) }
        var portfolio = try file.portfolio(equity: equity, freeCash: try freeCash.map { try Self.money($0, "--free-cash") }, exchangeRates: rates)
        try portfolio.setAccount(
            equity: equity, startOfDayEquity: try startOfDayEquity.map { try Self.money($0, "--start-of-day-equity") } ?? equity,
            peakEquity: try peakEquity.map { try Self.money($0, "--peak-equity") } ?? equity,
            freeCash: try freeCash.map { try Self.money($0, "--free-cash") } ?? equity)
        return portfolio
    }

    /// `AMOUNT CURRENCY` through the configuration's money type, so both read money the same way.
    static func money(_ text: String, _ option: String) throws -> Money {
        do { return try SettingType<Money>.money.parse(text) } catch { throw ValidationError("\(option): \(error)") }
    }
}
