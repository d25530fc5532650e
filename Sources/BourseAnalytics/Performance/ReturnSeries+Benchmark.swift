internal import Foundation

extension ReturnSeries {
    /// Beta against a benchmark: `cov(r, b) / var(b)` (empyrical `beta`).
    public func beta(against benchmark: ReturnSeries) throws(AnalyticsError) -> Double {
        try checkBenchmark(benchmark)
        try require(2)
        return try Self.beta(values[...], benchmark.values[...])
    }

    /// Jensen's alpha, annualized by compounding: `(1 + mean((r − rf) − β (b − rf)))^periodsPerYear − 1`
    /// (empyrical `alpha_beta`), and beta. `riskFree` is per period.
    public func alphaBeta(
        against benchmark: ReturnSeries, riskFree: Double = 0
    ) throws(AnalyticsError) -> (alpha: Double, beta: Double) {
        let b = try beta(against: benchmark)
        var sum = 0.0
        for (r, m) in zip(values, benchmark.values) { sum += (r - riskFree) - b * (m - riskFree) }
        return (pow(1 + sum / Double(count), periodsPerYear) - 1, b)
    }

    /// Information ratio, `mean(r − b) / sd(r − b)`, not annualized (empyrical `excess_sharpe`,
    /// quantstats `information_ratio`).
    public func informationRatio(against benchmark: ReturnSeries) throws(AnalyticsError) -> Double {
        try checkBenchmark(benchmark)
        try require(2)
        let active = zip(values, benchmark.values).map { $0 - $1 }
        let sd = Descriptive.standardDeviation(active)
        guard sd > 0 else { throw .undefined("information ratio with zero tracking error") }
        return Descriptive.mean(active) / sd
    }

    static func beta(_ r: ArraySlice<Double>, _ b: ArraySlice<Double>) throws(AnalyticsError) -> Double {
        let variance = Descriptive.covariance(b, b)
        guard variance > 0 else { throw .undefined("beta against a benchmark with zero variance") }
        return Descriptive.covariance(r, b) / variance
    }
}
