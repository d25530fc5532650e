public import BourseCore

/// Settings of a backtest run.
///
/// They live here until the engine exists; `BourseEngine` will own this table.
public enum BacktestSettings {
    /// The cash the simulated account starts with.
    public static let startingBalance = Setting(
        "backtest.starting-balance",
        type: .money,
        default: Money(uncheckedRaw: 100_000_00, currency: .USD),
        summary: "Cash the simulated account starts with, as an amount and a currency code."
    ) { balance throws(SettingValueError) in
        guard balance.raw > 0 else { throw SettingValueError("the starting balance must be positive") }
    }

    /// The currency the portfolio's results are reported in.
    public static let baseCurrency = Setting(
        "backtest.base-currency",
        type: .currency,
        default: .USD,
        summary: "Currency the portfolio's value and statistics are reported in."
    )

    /// This table, in the order reports list it.
    public static let all: [AnySetting] = [startingBalance.erased, baseCurrency.erased]
}
