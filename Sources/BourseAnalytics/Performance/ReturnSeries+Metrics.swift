internal import Foundation

extension ReturnSeries {
    /// Compounded return over the whole series, `Π(1 + rₜ) − 1` (empyrical `cum_returns_final`).
    public func cumulativeReturn() -> Double {
        values.reduce(1) { $0 * (1 + $1) } - 1
    }

    /// Compound annual growth rate, `(1 + cumulative)^(periodsPerYear / n) − 1` (empyrical `annual_return`).
    public func annualReturn() throws(AnalyticsError) -> Double {
        try require(1)
        return pow(1 + cumulativeReturn(), periodsPerYear / Double(count)) - 1
    }

    /// Sample standard deviation (n − 1) scaled by `√periodsPerYear` (empyrical `annual_volatility`).
    public func annualVolatility() throws(AnalyticsError) -> Double {
        try require(2)
        return Descriptive.standardDeviation(values) * periodsPerYear.squareRoot()
    }

    /// Annualized Sharpe ratio, `mean(r − rf) / sd(r − rf) · √periodsPerYear`, `riskFree` per period.
    public func sharpeRatio(riskFree: Double = 0) throws(AnalyticsError) -> Double {
        try require(2)
        let excess = values.map { $0 - riskFree }
        let sd = Descriptive.standardDeviation(excess)
        guard sd > 0 else { throw .undefined("Sharpe ratio of a series with zero volatility") }
        return Descriptive.mean(excess) / sd * periodsPerYear.squareRoot()
    }

    /// Annualized downside deviation below `requiredReturn` (per period):
    /// `√mean(min(r − req, 0)²) · √periodsPerYear` (empyrical `downside_risk`).
    public func downsideRisk(requiredReturn: Double = 0) throws(AnalyticsError) -> Double {
        try require(1)
        let squares = values.map { v in
            let d = min(v - requiredReturn, 0)
            return d * d
        }
        return Descriptive.mean(squares).squareRoot() * periodsPerYear.squareRoot()
    }

    /// Sortino ratio, `mean(r − req) · periodsPerYear / downsideRisk(req)` (empyrical).
    public func sortinoRatio(requiredReturn: Double = 0) throws(AnalyticsError) -> Double {
        try require(2)
        let risk = try downsideRisk(requiredReturn: requiredReturn)
        guard risk > 0 else { throw .undefined("Sortino ratio with no return below the required return") }
        return Descriptive.mean(values.map { $0 - requiredReturn }) * periodsPerYear / risk
    }

    /// Calmar ratio, `annualReturn / |maxDrawdown|` (empyrical).
    public func calmarRatio() throws(AnalyticsError) -> Double {
        let drawdown = try maxDrawdown()
        guard drawdown < 0 else { throw .undefined("Calmar ratio of a series without drawdown") }
        return try annualReturn() / -drawdown
    }

    /// Omega ratio: gains over losses relative to a threshold (empyrical `omega_ratio`).
    ///
    /// The threshold per period is `riskFree + (1 + requiredReturn)^(1/periodsPerYear) − 1`, where
    /// `requiredReturn` is annual and `riskFree` per period.
    public func omegaRatio(riskFree: Double = 0, requiredReturn: Double = 0) throws(AnalyticsError) -> Double {
        try require(2)
        guard requiredReturn > -1 else { throw .invalidParameter("required return must exceed -100%") }
        let threshold = riskFree + pow(1 + requiredReturn, 1 / periodsPerYear) - 1
        var gains = 0.0
        var losses = 0.0
        for v in values {
            let d = v - threshold
            if d > 0 { gains += d } else if d < 0 { losses -= d }
        }
        guard losses > 0 else { throw .undefined("Omega ratio with no period below the threshold") }
        return gains / losses
    }

    /// Ratio of the 95th percentile to the absolute 5th percentile of returns (empyrical `tail_ratio`).
    public func tailRatio() throws(AnalyticsError) -> Double {
        try require(2)
        let sorted = values.sorted()
        let low = abs(Descriptive.percentile(sorted: sorted, 5))
        guard low > 0 else { throw .undefined("tail ratio with a zero 5th percentile") }
        return abs(Descriptive.percentile(sorted: sorted, 95)) / low
    }

    /// R² of a linear fit of cumulative log returns against time (empyrical `stability_of_timeseries`).
    public func stability() throws(AnalyticsError) -> Double {
        try require(3)
        var cumulative = [Double]()
        cumulative.reserveCapacity(count)
        var s = 0.0
        for v in values {
            s += log1p(v)
            cumulative.append(s)
        }
        return Descriptive.rSquared((0..<count).map(Double.init), cumulative)
    }

    /// Adjusted sample skewness (quantstats / pandas `skew`).
    public func skewness() throws(AnalyticsError) -> Double {
        try require(3)
        return Descriptive.skewness(values)
    }

    /// Unbiased sample excess kurtosis (quantstats / pandas `kurtosis`).
    public func kurtosis() throws(AnalyticsError) -> Double {
        try require(4)
        return Descriptive.excessKurtosis(values)
    }
}
