import BourseConfiguration
import BourseCore
import BourseEngine
import BourseRisk

/// The pre-trade limits and kill-switch settings under `risk.` in the configuration file, read by
/// `bourse risk` and by the backtests (`backtest`, `sweep`, `walk-forward`, `demo`). Every limit
/// and trigger is off (`none`) by default; money limits are in the portfolio's base currency.
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
///   kill-switch:
///     daily-loss:
///       max-fraction: 0.03
///     stale-data-after: 5m
///     error-rate: 5/1m
///     actions: cancel-all-orders, flatten-all-positions
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
    static let dailyLoss = LossSettings(
        "risk.daily-loss", "Largest", "loss since the start of the day", of: "start-of-day equity")
    static let drawdown = LossSettings("risk.drawdown", "Largest", "drawdown from the equity peak", of: "the peak")
    static let leverage = Setting(
        "risk.buying-power.leverage", type: .optional(.positiveFraction), default: nil,
        summary: "Check buying power: notional plus taker fee within free cash times this leverage (1 for cash).")
    static let exchangeRates = Setting(
        "risk.fx-rates", type: .list(.exchangeRate), default: [],
        summary: "Rates to the base currency of the currencies instruments are quoted in (EUR=1.0850), for risk check; "
            + "backtests quote every instrument in the account's currency and use none.")

    static let killDailyLoss = LossSettings(
        "risk.kill-switch.daily-loss", "Trip the kill switch at this", "loss since the start of the day",
        of: "start-of-day equity")
    static let killDrawdown = LossSettings(
        "risk.kill-switch.drawdown", "Trip the kill switch at this", "drawdown from the equity peak", of: "the peak")
    static let killStaleData = Setting(
        "risk.kill-switch.stale-data-after", type: .optional(.duration), default: nil,
        summary: "Trip the kill switch when no market data arrived for this long (kernel clock).")
    static let killErrorRate = Setting(
        "risk.kill-switch.error-rate", type: .optional(.rateLimit), default: nil,
        summary: "Trip the kill switch at this many orders rejected by the venue per sliding window.")
    static let killOnDisconnect = Setting(
        "risk.kill-switch.on-venue-disconnect", type: .bool, default: true,
        summary: "Trip the kill switch when a venue disconnects (live and paper sessions).")
    static let killActions = Setting(
        "risk.kill-switch.actions", type: .list(.choice(KillSwitchAction.self)),
        default: [.stopNewOrders, .cancelAllOrders, .flattenAllPositions],
        summary: "What a trip does (stop-new-orders is always done first).") { actions throws(SettingValueError) in
        if actions.contains(.resumeTrading) { throw SettingValueError("resume-trading is what a reset does, not a trip") }
    }

    /// This table, in the order reports list it.
    static let all: [AnySetting] = [
        reduceQuantityToLimits.erased, reduceOnly.erased, restricted.erased, orderRate.erased, messageRate.erased,
        priceBandFraction.erased, priceBandTicks.erased, orderQuantity.erased, orderNotional.erased,
        positionQuantity.erased, positionNotional.erased, maxOpenPositions.erased, grossExposure.erased,
        netExposure.erased, concentration.erased, dailyLoss.amount.erased, dailyLoss.fraction.erased,
        drawdown.amount.erased, drawdown.fraction.erased, leverage.erased, exchangeRates.erased,
        killDailyLoss.amount.erased, killDailyLoss.fraction.erased, killDrawdown.amount.erased, killDrawdown.fraction.erased,
        killStaleData.erased, killErrorRate.erased, killOnDisconnect.erased, killActions.erased,
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
        let killSwitch = killSwitchConfiguration(c)
        let base = config.startingCash.currency
        let moneySettings = [
            orderNotional, positionNotional, dailyLoss.amount, drawdown.amount, killDailyLoss.amount, killDrawdown.amount,
        ]
        let issues = moneySettings.compactMap { setting -> ConfigurationIssue? in
            guard let money = c[setting], money.currency != base else { return nil }
            return .invalidValue(
                key: setting.key, source: c.source(of: setting), value: c.entry(forKey: setting.key)?.text ?? "\(money)",
                reason: "the limit is in \(money.currency.code), the account in \(base.code): give it in \(base.code)")
        }
        guard issues.isEmpty else { throw ConfigurationError(issues: issues) }
        config.riskLimits = limits == RiskConfiguration() ? nil : limits
        config.killSwitch = killSwitch == KillSwitchConfiguration() ? nil : killSwitch
    }

    /// The kill switch configuration the `risk.kill-switch.` settings describe.
    static func killSwitchConfiguration(_ c: Configuration) -> KillSwitchConfiguration {
        KillSwitchConfiguration(
            dailyLoss: killDailyLoss.limit(c), drawdown: killDrawdown.limit(c),
            staleMarketDataAfter: c[killStaleData], errorRate: c[killErrorRate], tripOnVenueDisconnect: c[killOnDisconnect],
            actions: [.stopNewOrders] + c[killActions].filter { $0 != .stopNewOrders })
    }

    /// The two settings of a loss limit under `prefix`: `max-amount` and `max-fraction` (of `reference`).
    struct LossSettings {
        let amount: Setting<Money?>
        let fraction: Setting<Rate?>

        /// Summaries read "`lead` `loss`." and "`lead` `loss`, as a fraction of `reference`."
        init(_ prefix: String, _ lead: String, _ loss: String, of reference: String) {
            amount = Setting(
                "\(prefix).max-amount", type: .optional(.money), default: nil, summary: "\(lead) \(loss).", validate: positive)
            fraction = Setting(
                "\(prefix).max-fraction", type: .optional(.positiveFraction), default: nil,
                summary: "\(lead) \(loss), as a fraction of \(reference).")
        }

        /// The loss limit the two settings give; `nil` when neither is set.
        func limit(_ c: Configuration) -> LossLimit? {
            c[amount] == nil && c[fraction] == nil ? nil : LossLimit(maxAmount: c[amount], maxFraction: c[fraction])
        }
    }

    /// The pre-trade configuration the settings describe.
    static func riskConfiguration(_ c: Configuration) -> RiskConfiguration {
        let band = (c[priceBandFraction], c[priceBandTicks].map(Int64.init))
        func sizes(_ quantity: Setting<Quantity?>, _ notional: Setting<Money?>) -> SizeLimits? {
            c[quantity] == nil && c[notional] == nil ? nil : SizeLimits(maxQuantity: c[quantity], maxNotional: c[notional])
        }
        return RiskConfiguration(
            reduceQuantityToLimits: c[reduceQuantityToLimits], restrictedInstruments: c[restricted], reduceOnly: c[reduceOnly],
            orderRate: c[orderRate], messageRate: c[messageRate],
            priceBand: band.0 == nil && band.1 == nil ? nil : PriceBandLimit(maxFraction: band.0, maxTicks: band.1),
            orderSize: sizes(orderQuantity, orderNotional), positionSize: sizes(positionQuantity, positionNotional),
            maxOpenPositions: c[maxOpenPositions], maxGrossExposure: c[grossExposure], maxNetExposure: c[netExposure],
            tagLimits: c[concentration], dailyLoss: dailyLoss.limit(c),
            drawdown: drawdown.limit(c), buyingPower: c[leverage].map { BuyingPowerLimit(leverage: $0) })
    }
}
