import ArgumentParser
import BourseConfiguration
import BourseCore
import BourseData
import BourseEngine
import Foundation

/// Options shared by the backtest commands: configuration, account and venue. The account and
/// venue flags override their settings (`backtest.*`, see ``RunSettings``).
struct BacktestOptions: ParsableArguments {
    @OptionGroup var configuration: ConfigurationOptions
    @Option(help: "Starting cash amount (setting backtest.starting-balance, default 100000.00 USD).") var cash: String?
    @Option(help: "Currency of the starting cash.") var currency: String?
    @Option(help: "Commission as a fraction of notional per fill, 0.002 = 0.2 % (setting backtest.commission).")
    var commission: String?
    @Option(help: "Account kind: margin or cash (setting backtest.account).") var account: String?
    @Option(help: "Leverage of a margin account (setting backtest.leverage).") var leverage: String?
    @Option(help: "Market order fills: next-open or close (setting backtest.fill).") var fill: String?
    @Option(help: "First date to use, YYYY-MM-DD inclusive (setting backtest.from).") var from: String?
    @Option(help: "Last date to use, YYYY-MM-DD inclusive (setting backtest.to).") var to: String?

    /// The flags as overrides of their settings.
    var overrides: [CommandLineOverride] {
        return CommandLineOverride.given([
            (commission, RunSettings.commission.key, "--commission"), (account, RunSettings.account.key, "--account"),
            (leverage, RunSettings.leverage.key, "--leverage"), (fill, RunSettings.fill.key, "--fill"),
            (from, RunSettings.from.key, "--from"), (to, RunSettings.to.key, "--to"),
        ])
    }

    /// The effective configuration: defaults < file < environment < these flags and `more`.
    func load(_ more: [CommandLineOverride] = []) throws -> Configuration {
        try configuration.load(environment: ProcessInfo.processInfo.environment, additional: overrides + more)
    }

    static func date(_ text: String, endOfDay: Bool) throws -> UnixNanos {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { throw ValidationError("dates are YYYY-MM-DD, got '\(text)'") }
        let day = try CivilDateTime(year: parts[0], month: parts[1], day: parts[2]).unixNanos
        return endOfDay ? day + .days(1) : day
    }

    /// `--cash` (in `--currency`, else the configured currency) over the configured starting balance.
    func startingCash(_ settings: Configuration, fallback: Money? = nil) throws -> Money {
        var balance = settings[BacktestSettings.startingBalance]
        if let fallback, settings.source(of: BacktestSettings.startingBalance) == .defaultValue { balance = fallback }
        guard cash != nil || currency != nil else { return balance }
        let unit = try currency.map { try Currency.named($0) } ?? balance.currency
        do { return try Money(parsing: cash ?? balance.amountText, unit) } catch {
            throw ValidationError("--cash \(cash ?? balance.amountText) \(unit.code): \(error)")
        }
    }

    /// Applies the configured account, venue and time range to `config`.
    static func apply(_ settings: Configuration, to config: inout BacktestConfig) {
        config.commissionRate = settings[RunSettings.commission]
        switch settings[RunSettings.account] {
        case .margin: config.accountKind = .margin(leverage: settings[RunSettings.leverage])
        case .cash: config.accountKind = .cash
        }
        config.fillTiming = settings[RunSettings.fill]
        // Bars are stamped with their close: the day's bars close after its midnight, up to the next one.
        config.start = settings[RunSettings.from].map { $0 + Nanoseconds(1) }
        config.end = settings[RunSettings.to].map { $0 + .days(1) }
    }
}
