import BourseAnalytics
import BourseCore

/// Summary statistics of a backtest. Return metrics use the **daily** equity curve (the last
/// equity of each UTC day) as a return series with 252 periods a year, through
/// BourseAnalytics (empyrical's definitions); trade metrics use the closed round trips'
/// net P&L. A metric that is undefined for the run (too few points, no losing trade…) is `nil`.
public struct SummaryMetrics: Sendable, Codable, Equatable {
    /// When the data begins: the first bar's **open** time (a daily bar labelled 2004-08-19
    /// opens at 2004-08-19 00:00 UTC).
    public let startTime: String?
    /// When the data ends: the last bar's **close** time (`Bar.tsEvent`; the daily bar labelled
    /// 2013-03-01 closes at 2013-03-02 00:00 UTC). ``lastDay`` is the date to show.
    public let endTime: String?
    /// The UTC date of the last instant covered (the day before `endTime` when it is midnight).
    public let lastDay: String?
    public let bars: Int
    public let totalReturn: Double
    public let annualReturn: Double?
    public let annualVolatility: Double?
    public let sharpeRatio: Double?
    public let sortinoRatio: Double?
    /// Most negative drawdown of the daily equity (≤ 0).
    public let maxDrawdown: Double?
    /// Longest time under water, in days of the daily curve.
    public let maxDrawdownDurationDays: Int?
    public let numberOfTrades: Int
    public let winRate: Double?
    public let profitFactor: Double?
    /// Mean net P&L per closed trade, in the account currency.
    public let expectancy: Double?
    public let bestTradeReturn: Double?
    public let worstTradeReturn: Double?
    /// Fraction of bars with an open position.
    public let exposureTime: Double
    public let totalCommission: Double

    /// The metrics of a run that did not happen (no bars).
    public static let empty = SummaryMetrics(
        startTime: nil, endTime: nil, bars: 0, startingCash: 0.01, finalEquity: 0.01, dailyEquity: [], tradeOutcomes: [],
        tradeReturns: [], exposureTime: 0, totalCommission: 0)

    init(
        dataStart: UnixNanos?, curve: EquityCurve, startingCashRaw: Int64, currency: Currency, trades: [RoundTrip],
        totalCommissionRaw: Int64
    ) {
        let scale = Double(FixedPoint.scale(currency.precision))
        let points = 0..<curve.count
        self.init(
            startTime: (dataStart ?? (curve.isEmpty ? nil : UnixNanos(curve.time(0))))?.description,
            endTime: curve.lastTime.map(UnixNanos.init), bars: curve.count,
            startingCash: Double(startingCashRaw) / scale, finalEquity: Double(curve.lastEquity ?? startingCashRaw) / scale,
            dailyEquity: curve.dailyIndices.map { Double(curve.equity($0)) / scale },
            tradeOutcomes: trades.map(\.pnl.doubleValue), tradeReturns: trades.map(\.returnFraction),
            exposureTime: curve.isEmpty ? 0 : Double(points.count { curve.exposure($0) != 0 }) / Double(curve.count),
            totalCommission: Double(totalCommissionRaw) / scale)
    }

    /// The metrics of consecutive runs chained into one account (walk-forward's stitched
    /// out-of-sample result): each run's daily equity is scaled so it starts where the previous
    /// run ended (compounding), its trades' P&L and commissions by the same factor; bars and
    /// exposure time add up over the runs.
    public init(stitching runs: [BacktestResult]) {
        guard let first = runs.first, let cash = Double(first.startingCash), cash > 0 else {
            self = .empty
            return
        }
        var equity = cash
        var daily: [Double] = []
        var outcomes: [Double] = []
        var returns: [Double] = []
        var exposedBars = 0.0
        var commission = 0.0
        for run in runs {
            let factor = equity / (Double(run.startingCash) ?? cash)
            daily += run.dailyEquity.map { $0.equity * factor }
            outcomes += run.trades.map { (Double($0.pnl) ?? 0) * factor }
            returns += run.trades.map(\.returnFraction)
            exposedBars += run.metrics.exposureTime * Double(run.metrics.bars)
            commission += run.metrics.totalCommission * factor
            equity = (Double(run.finalEquity) ?? equity) * factor
        }
        let bars = runs.reduce(0) { $0 + $1.metrics.bars }
        self.init(
            startTime: first.metrics.startTime, endTime: runs.last?.metrics.endTime, lastDay: runs.last?.metrics.lastDay,
            bars: bars, startingCash: cash, finalEquity: equity, dailyEquity: daily, tradeOutcomes: outcomes,
            tradeReturns: returns, exposureTime: bars == 0 ? 0 : exposedBars / Double(bars), totalCommission: commission)
    }

    private init(
        startTime: String?, endTime: UnixNanos?, bars: Int, startingCash: Double, finalEquity: Double, dailyEquity: [Double],
        tradeOutcomes: [Double], tradeReturns: [Double], exposureTime: Double, totalCommission: Double
    ) {
        self.init(
            startTime: startTime, endTime: endTime?.description,
            lastDay: endTime.map { String(UnixNanos($0.rawValue - 1).description.prefix(10)) }, bars: bars,
            startingCash: startingCash, finalEquity: finalEquity, dailyEquity: dailyEquity, tradeOutcomes: tradeOutcomes,
            tradeReturns: tradeReturns, exposureTime: exposureTime, totalCommission: totalCommission)
    }

    private init(
        startTime: String?, endTime: String?, lastDay: String?, bars: Int, startingCash: Double, finalEquity: Double,
        dailyEquity: [Double], tradeOutcomes: [Double], tradeReturns: [Double], exposureTime: Double, totalCommission: Double
    ) {
        self.startTime = startTime
        self.endTime = endTime
        self.lastDay = lastDay
        self.bars = bars
        totalReturn = (finalEquity - startingCash) / startingCash
        let series = try? ReturnSeries(prices: [startingCash] + dailyEquity, periodsPerYear: 252)
        annualReturn = try? series?.annualReturn()
        annualVolatility = try? series?.annualVolatility()
        sharpeRatio = try? series?.sharpeRatio()
        sortinoRatio = try? series?.sortinoRatio()
        maxDrawdown = try? series?.maxDrawdown()
        maxDrawdownDurationDays = series?.maxDrawdownDuration()
        numberOfTrades = tradeOutcomes.count
        let stats = try? TradeStatistics(outcomes: tradeOutcomes)
        winRate = stats?.winRate
            ?? (tradeOutcomes.isEmpty ? nil : Double(tradeOutcomes.filter { $0 > 0 }.count) / Double(tradeOutcomes.count))
        profitFactor = stats?.profitFactor
        expectancy = tradeOutcomes.isEmpty ? nil : tradeOutcomes.reduce(0, +) / Double(tradeOutcomes.count)
        bestTradeReturn = tradeReturns.max()
        worstTradeReturn = tradeReturns.min()
        self.exposureTime = exposureTime
        self.totalCommission = totalCommission
    }
}
