/// Statistics of closed trades' outcomes (P&L in money or returns; the ratios are unit-free).
///
/// Definitions follow quantstats (win rate, averages, profit factor, payoff, Kelly) and
/// backtesting.py (SQN). Zero-outcome trades count in `count` and SQN but are neither wins
/// nor losses.
public struct TradeStatistics: Sendable, Equatable {
    /// Number of trades.
    public let count: Int
    /// Winning trades over trades that won or lost.
    public let winRate: Double
    /// Mean outcome of winning trades.
    public let averageWin: Double
    /// Mean outcome of losing trades (negative).
    public let averageLoss: Double
    /// Gross profit over gross loss.
    public let profitFactor: Double
    /// Mean outcome of the trades that won or lost: `winRate · averageWin + (1 − winRate) · averageLoss`.
    public let expectancy: Double
    /// `averageWin / |averageLoss|`.
    public let payoffRatio: Double
    /// Kelly fraction `(payoff · p − (1 − p)) / payoff` with `p` the win rate.
    public let kellyFraction: Double
    /// Van Tharp's system quality number `√n · mean / sd` (sample sd over all trades).
    public let systemQualityNumber: Double

    /// Computes the statistics of `outcomes`.
    /// - Throws: `nonFiniteValue`, `tooFewObservations` (fewer than 2 trades), or `undefined` if
    ///   there is no winning or no losing trade, or every outcome is equal.
    public init(outcomes: [Double]) throws(AnalyticsError) {
        for (i, v) in outcomes.enumerated() where !v.isFinite {
            throw .nonFiniteValue(what: "trade outcome", index: i)
        }
        guard outcomes.count >= 2 else { throw .tooFewObservations(needed: 2, got: outcomes.count) }
        let wins = outcomes.filter { $0 > 0 }
        let losses = outcomes.filter { $0 < 0 }
        guard !wins.isEmpty, !losses.isEmpty else {
            throw .undefined("trade statistics need at least one winning and one losing trade")
        }
        let sd = Descriptive.standardDeviation(outcomes)
        guard sd > 0 else { throw .undefined("trade outcomes have zero dispersion") }
        count = outcomes.count
        winRate = Double(wins.count) / Double(wins.count + losses.count)
        averageWin = Descriptive.mean(wins)
        averageLoss = Descriptive.mean(losses)
        profitFactor = wins.reduce(0, +) / -losses.reduce(0, +)
        expectancy = (wins.reduce(0, +) + losses.reduce(0, +)) / Double(wins.count + losses.count)
        payoffRatio = averageWin / -averageLoss
        kellyFraction = (payoffRatio * winRate - (1 - winRate)) / payoffRatio
        systemQualityNumber = Double(count).squareRoot() * Descriptive.mean(outcomes) / sd
    }
}
