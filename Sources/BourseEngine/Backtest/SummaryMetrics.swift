import BourseAnalytics
public import BourseCore

/// Summary statistics of a backtest. Return metrics use the **daily** equity curve (the last
/// equity of each UTC day) as a return series with 252 periods a year, through
/// BourseAnalytics (empyrical's definitions); trade metrics use the closed round trips'
/// net P&L. A metric that is undefined for the run (too few points, no losing trade…) is `nil`.
public struct SummaryMetrics: Sendable, Codable, Equatable {
    public let startTime: String?
    public let endTime: String?
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
        curveTimes: [], curveEquity: [], curveExposure: [], dailyIndices: [], startingCashRaw: 1, currency: .USD, trades: [],
        totalCommissionRaw: 0)

    init(
        curveTimes: [Int64], curveEquity: [Int64], curveExposure: [Int64], dailyIndices: [Int], startingCashRaw: Int64,
        currency: Currency, trades: [RoundTrip], totalCommissionRaw: Int64
    ) {
        let scale = Double(FixedPoint.scale(currency.precision))
        startTime = curveTimes.first.map { UnixNanos($0).description }
        endTime = curveTimes.last.map { UnixNanos($0).description }
        bars = curveTimes.count
        let finalEquity = curveEquity.last ?? startingCashRaw
        totalReturn = Double(finalEquity - startingCashRaw) / Double(startingCashRaw)
        let daily = [Double(startingCashRaw) / scale] + dailyIndices.map { Double(curveEquity[$0]) / scale }
        let series = try? ReturnSeries(prices: daily, periodsPerYear: 252)
        annualReturn = try? series?.annualReturn()
        annualVolatility = try? series?.annualVolatility()
        sharpeRatio = try? series?.sharpeRatio()
        sortinoRatio = try? series?.sortinoRatio()
        maxDrawdown = try? series?.maxDrawdown()
        maxDrawdownDurationDays = series?.maxDrawdownDuration()
        numberOfTrades = trades.count
        let outcomes = trades.map(\.pnl.doubleValue)
        let stats = try? TradeStatistics(outcomes: outcomes)
        winRate = stats?.winRate ?? (outcomes.isEmpty ? nil : Double(outcomes.filter { $0 > 0 }.count) / Double(outcomes.count))
        profitFactor = stats?.profitFactor
        expectancy = outcomes.isEmpty ? nil : outcomes.reduce(0, +) / Double(outcomes.count)
        bestTradeReturn = trades.map(\.returnFraction).max()
        worstTradeReturn = trades.map(\.returnFraction).min()
        exposureTime = curveExposure.isEmpty ? 0 : Double(curveExposure.filter { $0 != 0 }.count) / Double(curveExposure.count)
        totalCommission = Double(totalCommissionRaw) / scale
    }
}
