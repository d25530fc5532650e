import BourseCore
import OrderedCollections

/// Runs backtests: strategy → risk → order manager → simulated venue → portfolio.
///
/// ```swift
/// var config = try BacktestConfig(instruments: [goog], bars: [series], startingCash: Money(parsing: "10000", .USD))
/// config.commissionRate = try Rate(parsing: "0.002")
/// let result = try Backtest.run(SMACross.self, parameters: ["fast=10", "slow=20"], config: config)
/// result.metrics.sharpeRatio
/// ```
public enum Backtest {
    /// Runs strategy type `S` with `NAME=VALUE` parameter overrides, under the configuration's
    /// risk limits (``BacktestConfig/riskLimits``; none: ``PassThroughRiskEngine``), writing
    /// `journal` when given.
    public static func run<S: Strategy>(
        _ type: S.Type, parameters: [String] = [], config: BacktestConfig, journal: BacktestJournal? = nil
    ) throws -> BacktestResult {
        let values = try ParameterValues(S.parameters, overrides: parameters)
        let strategy = try S(parameters: values)
        if let risk = try configuredRisk(config) {
            return try run(strategy: strategy, parameters: values, risk: risk, config: config, journal: journal)
        }
        return try run(strategy: strategy, parameters: values, risk: PassThroughRiskEngine(), config: config, journal: journal)
    }

    /// Runs a strategy value with a risk engine, writing `journal` when given.
    public static func run<S: Strategy, R: RiskGate>(
        strategy: S, parameters: ParameterValues, risk: R, config: BacktestConfig, journal: BacktestJournal? = nil
    ) throws(EngineError) -> BacktestResult {
        let kernel = try makeKernel(strategy: strategy, risk: risk, config: config)
        try journal?.attach(to: kernel, config: config)
        try kernel.run()
        return result(of: kernel, parameters: parameters)
    }

    /// Runs strategy type `S` (under the configuration's risk limits, as ``run(_:parameters:config:)``)
    /// and returns only its summary metrics and final equity: what a sweep ranks by, without
    /// building the full result (orders, fills, per-bar equity as text).
    public static func evaluate<S: Strategy>(
        _ type: S.Type, parameters: [String] = [], config: BacktestConfig
    ) throws -> (metrics: SummaryMetrics, finalEquity: String) {
        let strategy = try S(parameters: ParameterValues(S.parameters, overrides: parameters))
        if let risk = try configuredRisk(config) { return try evaluate(strategy: strategy, risk: risk, config: config) }
        return try evaluate(strategy: strategy, risk: PassThroughRiskEngine(), config: config)
    }

    /// The configuration's risk engine: ``PreTradeRiskEngine`` under ``BacktestConfig/riskLimits``,
    /// `nil` without limits (the caller then uses ``PassThroughRiskEngine``).
    private static func configuredRisk(_ config: BacktestConfig) throws -> PreTradeRiskEngine? {
        guard let limits = config.riskLimits else { return nil }
        return try PreTradeRiskEngine(limits, instruments: config.instruments, startingCash: config.startingCash)
    }

    private static func evaluate<S: Strategy, R: RiskGate>(
        strategy: S, risk: R, config: BacktestConfig
    ) throws(EngineError) -> (metrics: SummaryMetrics, finalEquity: String) {
        let kernel = try makeKernel(strategy: strategy, risk: risk, config: config)
        try kernel.run()
        return (metrics(of: kernel), kernel.portfolio.equity.amountText)
    }

    /// A kernel over the configuration's simulated venue, ready to ``Kernel/run()``.
    public static func makeKernel<S: Strategy, R: RiskGate>(
        strategy: S, risk: R, config: BacktestConfig
    ) throws(EngineError) -> Kernel<S, R, BacktestSimulatedVenue> {
        try makeKernel(strategy: strategy, risk: risk, config: config) { venue in venue }
    }

    /// A kernel whose venue is the configuration's simulated venue as `wrap` returns it (e.g.
    /// inside a recorder of the commands it receives).
    public static func makeKernel<S: Strategy, R: RiskGate, V: BacktestVenue>(
        strategy: S, risk: R, config: BacktestConfig, wrap: (BacktestSimulatedVenue) -> V
    ) throws(EngineError) -> Kernel<S, R, V> {
        let data = try config.makeDataEngine()
        let first = data.streams.compactMap { $0.count > 0 ? $0.ts(0) : nil }.min() ?? 0
        let clock = TestClock(now: UnixNanos(first))
        let venue = try config.makeVenue(clock: clock)
        let kernel = try Kernel(
            strategy: strategy, risk: risk, venue: wrap(venue), clock: clock, data: data, instruments: config.instruments,
            startingCash: config.startingCash, accountKind: config.accountKind, sizingCommissionRate: config.commissionRate,
            strategyID: config.strategyID)
        if let killSwitch = config.killSwitch { kernel.configureKillSwitch(killSwitch) }
        return kernel
    }

    /// The summary metrics of a finished kernel.
    static func metrics<S: Strategy, R: RiskGate, V: BacktestVenue>(of kernel: Kernel<S, R, V>) -> SummaryMetrics {
        let portfolio = kernel.portfolio
        return SummaryMetrics(
            dataStart: kernel.dataStart, curve: portfolio.curve, startingCashRaw: portfolio.startingCash.raw, currency: portfolio.currency, trades: kernel.trades,
            totalCommissionRaw: kernel.fills.reduce(Int64(0)) { $0 + $1.commission.raw })
    }

    /// The results of a finished kernel.
    public static func result<S: Strategy, R: RiskGate, V: BacktestVenue>(of kernel: Kernel<S, R, V>, parameters: ParameterValues) -> BacktestResult {
        let portfolio = kernel.portfolio
        let currency = portfolio.currency
        let scale = Double(FixedPoint.scale(currency.precision))
        let curve = portfolio.curve
        func point(_ i: Int) -> BacktestResult.EquityPoint {
            BacktestResult.EquityPoint(
                time: UnixNanos(curve.time(i)).description, equity: Double(curve.equity(i)) / scale,
                exposure: Double(curve.exposure(i)) / scale)
        }
        let orders = kernel.orders.all.map { order in
            BacktestResult.OrderRecord(
                id: order.clientOrderID.value, instrument: order.instrumentID.description, side: order.side.description,
                type: order.type.description, quantity: order.quantity.description, price: order.price?.description,
                triggerPrice: order.triggerPrice?.description, status: order.status.description,
                filledQuantity: order.filledQuantity.description, averageFillPrice: order.averageFillPrice?.description,
                created: order.tsInit.description)
        }
        let fills = kernel.fills.map { fill in
            BacktestResult.FillRecord(
                time: fill.tsEvent.description, order: fill.clientOrderID.value, trade: fill.tradeID.value,
                instrument: fill.instrumentID.description, side: fill.side.description,
                quantity: fill.lastQuantity.description, price: fill.lastPrice.description,
                commission: fill.commission.amountText)
        }
        let positions = portfolio.positions.indices.map { i in
            let position = portfolio.positions[i]
            let mark = portfolio.lastPrices[i]
            return BacktestResult.PositionRecord(
                instrument: position.instrumentID.description, side: position.side.description,
                quantity: position.quantity.description, averageOpenPrice: position.averageOpenPrice?.description,
                realizedPnL: position.realizedPnL.amountText,
                unrealizedPnL: mark.flatMap { try? position.unrealizedPnL(at: $0).amountText },
                lastPrice: mark?.description)
        }
        let metrics = metrics(of: kernel)
        return BacktestResult(
            strategy: S.name,
            parameters: parameters.values.map { BacktestResult.Parameter(name: $0.key, value: $0.value.description) },
            currency: currency.code, startingCash: portfolio.startingCash.amountText,
            finalEquity: portfolio.equity.amountText, finalCash: portfolio.cash.amountText, metrics: metrics,
            orders: orders, fills: fills, trades: kernel.trades.map(BacktestResult.TradeRecord.init),
            openTrades: kernel.openTrades.map(BacktestResult.TradeRecord.init), positions: positions,
            equityCurve: (0..<curve.count).map(point), dailyEquity: curve.dailyIndices.map(point),
            logs: kernel.context.logs)
    }
}
