public import BourseAnalytics
public import BourseCore

/// The risk of a portfolio or of an equity curve, as `bourse risk report` prints it: VaR and
/// CVaR by every method at 95 % and 99 % over one day and `horizonDays` (square-root-of-time
/// rule), the exposures, and stress scenarios (the worst historical days replayed on today's
/// positions, then the user's shocks).
public struct PortfolioRiskReport: Sendable {
    /// One VaR or CVaR figure: a return (negative = loss) and the money at the portfolio's value.
    public struct Figure: Sendable, Hashable {
        public let measure: String
        public let confidence: Double
        public let oneDay: Double
        public let horizon: Double
        public let oneDayMoney: Money
        public let horizonMoney: Money
    }

    public let horizonDays: Int
    /// Daily returns the figures come from.
    public let observations: Int
    public let figures: [Figure]
    /// The exposures (only for a portfolio).
    public let exposure: ExposureReport?
    public let stress: [StressResult]

    /// The report on a portfolio with the daily close prices of its instruments (columns named by
    /// instrument id; rows with a missing price are dropped). The portfolio's daily returns are
    /// today's position values times each instrument's return, over equity.
    ///
    /// - Throws: ``RiskAnalyticsError`` when an open position has no price column, or for too few returns.
    public init(
        portfolio: PortfolioSnapshot, prices: PriceTable, shocks: [StressScenario] = [], horizonDays: Int = 10,
        worstDays: Int = 3, monteCarloSeed: UInt64 = 42
    ) throws(RiskAnalyticsError) {
        let open = portfolio.instruments.filter { $0.value.signedQuantityRaw != 0 }
        var columns: [[Double?]] = []
        for (id, _) in open {
            guard let column = prices.column(id.description) else {
                throw .invalidParameter("the prices have no column \(id) for its open position")
            }
            columns.append(column)
        }
        let rows = (0..<prices.dates.count).filter { r in columns.allSatisfy { $0[r] != nil } }
        let equity = Double(portfolio.equity.raw)
        var returns: [Double] = []
        var daily: [[Double]] = []
        for (previous, row) in zip(rows, rows.dropFirst()) {
            let changes = columns.map { ($0[row] ?? 0) / ($0[previous] ?? 1) - 1 }
            daily.append(changes)
            returns.append(zip(open, changes).reduce(0) { $0 + Double($1.0.value.markValueRaw) * $1.1 } / equity)
        }
        let risk = try ReturnRisk(returns)
        var scenarios: [StressScenario] = []
        for worst in try risk.worstPeriods(length: 1, count: worstDays) {
            let date = prices.dates[rows[worst.index + 1]]
            scenarios.append(
                try StressScenario.historical(name: "worst day \(date)", returns: Array(zip(open.map(\.key), daily[worst.index]))))
        }
        var stress: [StressResult] = []
        for scenario in scenarios + shocks { stress.append(try scenario.apply(to: portfolio)) }
        try self.init(risk: risk, value: portfolio.equity, exposure: ExposureReport(portfolio), stress: stress, horizonDays: horizonDays,
            seed: monteCarloSeed)
    }

    /// The report on an equity curve (a backtest's): VaR and CVaR of its daily returns, valued at its last equity.
    /// - Throws: ``RiskAnalyticsError`` for too few or non-positive values.
    public init(equityCurve: [Double], currency: Currency, horizonDays: Int = 10, monteCarloSeed: UInt64 = 42) throws(RiskAnalyticsError) {
        guard let last = equityCurve.last, equityCurve.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw .invalidParameter("the equity curve is empty or has a non-positive value")
        }
        let returns = zip(equityCurve, equityCurve.dropFirst()).map { $1 / $0 - 1 }
        guard let value = try? Money(last, currency) else { throw .invalidParameter("the last equity \(last) is not an amount of \(currency.code)") }
        try self.init(risk: try ReturnRisk(returns), value: value, exposure: nil, stress: [], horizonDays: horizonDays, seed: monteCarloSeed)
    }

    private init(
        risk: ReturnRisk, value: Money, exposure: ExposureReport?, stress: [StressResult], horizonDays: Int, seed: UInt64
    ) throws(RiskAnalyticsError) {
        var figures: [Figure] = []
        for confidence in [0.95, 0.99] {
            let measures: [(String, Double)] = [
                ("historical VaR", try risk.historicalVaR(confidence: confidence)),
                ("historical CVaR", try risk.historicalCVaR(confidence: confidence)),
                ("parametric VaR", try risk.parametricVaR(confidence: confidence)),
                ("parametric CVaR", try risk.parametricCVaR(confidence: confidence)),
                ("Cornish-Fisher VaR", try risk.cornishFisherVaR(confidence: confidence)),
                ("Monte Carlo VaR", try risk.monteCarloVaR(confidence: confidence, paths: 10_000, seed: seed).value),
            ]
            for (measure, oneDay) in measures {
                let horizon = try ReturnRisk.scaled(oneDay, days: horizonDays)
                guard let oneDayMoney = try? Money(value.doubleValue * oneDay, value.currency),
                    let horizonMoney = try? Money(value.doubleValue * horizon, value.currency)
                else {
                    throw .invalidParameter("\(measure) of \(value) overflows")
                }
                figures.append(Figure(measure: measure, confidence: confidence, oneDay: oneDay, horizon: horizon,
                    oneDayMoney: oneDayMoney, horizonMoney: horizonMoney))
            }
        }
        self.horizonDays = horizonDays
        observations = risk.returns.count
        self.figures = figures
        self.exposure = exposure
        self.stress = stress
    }
}
