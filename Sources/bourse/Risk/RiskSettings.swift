import BourseConfiguration
import BourseCore
import BourseEngine
import BourseRisk

/// The pre-trade limits and kill-switch settings `bourse risk` and `bourse killswitch` read,
/// under `risk.` in the configuration file. Every limit is off (`none`) by default; money
/// limits are in the portfolio's base currency.
///
/// ```yaml
/// risk:
///   order:
///     max-quantity: 1000
///     max-notional: 100000 USD
///   exposure:
///     max-gross: 2
///   concentration: tech=0.3, asset-class:crypto=0.1
///   fx-rates: EUR=1.0850, GBP=1.2700
/// ```
enum RiskSettings {
    static let reduceQuantityToLimits = Setting(
        "risk.reduce-quantity-to-limits", type: .bool, default: false,
        summary: "Reduce an order exceeding a limit that allows it to the limit instead of denying it.")
    static let reduceOnly = Setting(
        "risk.reduce-only", type: .bool, default: false, summary: "Every order may only reduce its position.")
    static let restricted = Setting(
        "risk.restricted", type: .list(.instrumentID), default: [],
        summary: "Instruments nobody may add exposure to.")
    static let orderRate = Setting(
        "risk.order-rate", type: .optional(.rateLimit), default: nil, summary: "Submits and modifies per sliding window.")
    static let messageRate = Setting(
        "risk.message-rate", type: .optional(.rateLimit), default: nil, summary: "Commands (cancels too) per sliding window.")
    static let priceBandFraction = Setting(
        "risk.price-band.max-fraction", type: .optional(.positiveFraction), default: nil,
        summary: "Largest distance of a limit price from the last price, as a fraction of it.")
    static let priceBandTicks = Setting(
        "risk.price-band.max-ticks", type: .optional(.integer(in: 1...1_000_000_000)), default: nil,
        summary: "Largest distance of a limit price from the last price, in ticks.")
    static let orderQuantity = Setting(
        "risk.order.max-quantity", type: .optional(.positiveQuantity), default: nil, summary: "Largest order quantity.")
    static let orderNotional = Setting(
        "risk.order.max-notional", type: .optional(.money), default: nil, summary: "Largest order notional.",
        validate: positive)
    static let positionQuantity = Setting(
        "risk.position.max-quantity", type: .optional(.positiveQuantity), default: nil,
        summary: "Largest position, with the open orders on its side filled.")
    static let positionNotional = Setting(
        "risk.position.max-notional", type: .optional(.money), default: nil, summary: "Largest position value.",
        validate: positive)
    static let maxOpenPositions = Setting(
        "risk.max-open-positions", type: .optional(.integer(in: 0...1_000_000)), default: nil,
        summary: "Most positions open at once.")
    static let grossExposure = Setting(
        "risk.exposure.max-gross", type: .optional(.positiveFraction), default: nil,
        summary: "Largest sum of absolute position values, as a fraction of equity.")
    static let netExposure = Setting(
        "risk.exposure.max-net", type: .optional(.positiveFraction), default: nil,
        summary: "Largest absolute sum of signed position values, as a fraction of equity.")
    static let concentration = Setting(
        "risk.concentration", type: .list(.tagLimit), default: [],
        summary: "Largest gross exposure per tag (sector, asset-class:equity…), as a fraction of equity.")
    static let dailyLossAmount = Setting(
        "risk.daily-loss.max-amount", type: .optional(.money), default: nil, summary: "Largest loss since the start of the day.",
        validate: positive)
    static let dailyLossFraction = Setting(
        "risk.daily-loss.max-fraction", type: .optional(.positiveFraction), default: nil,
        summary: "Largest loss since the start of the day, as a fraction of start-of-day equity.")
    static let drawdownAmount = Setting(
        "risk.drawdown.max-amount", type: .optional(.money), default: nil, summary: "Largest drawdown from the equity peak.",
        validate: positive)
    static let drawdownFraction = Setting(
        "risk.drawdown.max-fraction", type: .optional(.positiveFraction), default: nil,
        summary: "Largest drawdown from the equity peak, as a fraction of the peak.")
    static let leverage = Setting(
        "risk.buying-power.leverage", type: .optional(.positiveFraction), default: nil,
        summary: "Check buying power: notional plus taker fee within free cash times this leverage (1 for cash).")
    static let exchangeRates = Setting(
        "risk.fx-rates", type: .list(.exchangeRate), default: [],
        summary: "Rates to the base currency of the currencies instruments are quoted in (EUR=1.0850).")

    /// This table, in the order reports list it.
    static let all: [AnySetting] = [
        reduceQuantityToLimits.erased, reduceOnly.erased, restricted.erased, orderRate.erased, messageRate.erased,
        priceBandFraction.erased, priceBandTicks.erased, orderQuantity.erased, orderNotional.erased,
        positionQuantity.erased, positionNotional.erased, maxOpenPositions.erased, grossExposure.erased,
        netExposure.erased, concentration.erased, dailyLossAmount.erased, dailyLossFraction.erased,
        drawdownAmount.erased, drawdownFraction.erased, leverage.erased, exchangeRates.erased,
    ]

    private static func positive(_ money: Money?) throws(SettingValueError) {
        if let money, money.raw <= 0 { throw SettingValueError("must be positive") }
    }

    /// Sets the backtest's pre-trade limits (``BacktestConfig/riskLimits``) from the `risk.`
    /// settings: none when no limit is set (every order passes, as before).
    ///
    /// - Throws: ``ConfigurationError`` naming the key, where it was set and why, for a money
    ///   limit in another currency than the account's (it would deny every order).
    static func apply(_ c: Configuration, to config: inout BacktestConfig) throws(ConfigurationError) {
        let limits = riskConfiguration(c)
        let base = config.startingCash.currency
        let issues = [orderNotional, positionNotional, dailyLossAmount, drawdownAmount].compactMap { setting -> ConfigurationIssue? in
            guard let money = c[setting], money.currency != base else { return nil }
            return .invalidValue(
                key: setting.key, source: c.source(of: setting), value: c.entry(forKey: setting.key)?.text ?? "\(money)",
                reason: "the limit is in \(money.currency.code), the account in \(base.code): give it in \(base.code)")
        }
        guard issues.isEmpty else { throw ConfigurationError(issues: issues) }
        config.riskLimits = limits == RiskConfiguration() ? nil : limits
    }

    /// The pre-trade configuration the settings describe.
    static func riskConfiguration(_ c: Configuration) -> RiskConfiguration {
        let band = (c[priceBandFraction], c[priceBandTicks].map(Int64.init))
        func sizes(_ quantity: Setting<Quantity?>, _ notional: Setting<Money?>) -> SizeLimits? {
            c[quantity] == nil && c[notional] == nil ? nil : SizeLimits(maxQuantity: c[quantity], maxNotional: c[notional])
        }
        func loss(_ amount: Setting<Money?>, _ fraction: Setting<Rate?>) -> LossLimit? {
            c[amount] == nil && c[fraction] == nil ? nil : LossLimit(maxAmount: c[amount], maxFraction: c[fraction])
        }
        return RiskConfiguration(
            reduceQuantityToLimits: c[reduceQuantityToLimits], restrictedInstruments: c[restricted], reduceOnly: c[reduceOnly],
            orderRate: c[orderRate], messageRate: c[messageRate],
            priceBand: band.0 == nil && band.1 == nil ? nil : PriceBandLimit(maxFraction: band.0, maxTicks: band.1),
            orderSize: sizes(orderQuantity, orderNotional), positionSize: sizes(positionQuantity, positionNotional),
            maxOpenPositions: c[maxOpenPositions], maxGrossExposure: c[grossExposure], maxNetExposure: c[netExposure],
            tagLimits: c[concentration], dailyLoss: loss(dailyLossAmount, dailyLossFraction),
            drawdown: loss(drawdownAmount, drawdownFraction), buyingPower: c[leverage].map { BuyingPowerLimit(leverage: $0) })
    }
}
