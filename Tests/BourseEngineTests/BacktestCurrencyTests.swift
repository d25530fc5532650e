import BourseCore
import BourseData
import BourseEngine
import BourseRisk
import BourseStrategies
import Testing

/// Risk limits are in the account's currency and a backtest has no exchange rates: an instrument
/// quoted in another currency is refused when the risk engine is built, naming the instrument and
/// both currencies, before anything runs.
struct BacktestCurrencyTests {
    static let eurStock = try! Instrument.equity("SAP.SIM", currency: .EUR)
    static let limits = RiskConfiguration(orderSize: SizeLimits(maxNotional: try! Money(parsing: "100000", .USD)))
    static let expected =
        "risk limits: instrument SAP.SIM is quoted in EUR, the account in USD, and the risk engine has no exchange rates: "
        + "its orders cannot be held to limits in USD"

    @Test func theRiskEngineRefusesAnInstrumentQuotedInAnotherCurrency() throws {
        #expect(throws: EngineError.configuration(Self.expected)) {
            try PreTradeRiskEngine(
                Self.limits, instruments: [Bars.instrument, Self.eurStock], startingCash: Money(parsing: "10000", .USD))
        }
        // Instruments in the account's currency pass.
        _ = try PreTradeRiskEngine(Self.limits, instruments: [Bars.instrument], startingCash: Money(parsing: "10000", .USD))
    }

    @Test func aBacktestWithRiskLimitsRefusesItAtConfigurationTime() throws {
        let rows = Array(repeating: ("100.00", "100.00", "100.00", "100.00"), count: 30)
        var config = try BacktestConfig(
            instruments: [Self.eurStock], bars: [Bars.series(rows, instrument: Self.eurStock)],
            startingCash: Money(parsing: "10000", .USD))
        config.riskLimits = Self.limits
        #expect(throws: EngineError.configuration(Self.expected)) {
            try Backtest.run(SMACross.self, parameters: ["fast=2", "slow=5"], config: config)
        }
    }
}
