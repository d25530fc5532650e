extension ReturnSeries {
    /// Sharpe ratio (risk-free 0) over each window of `window` periods; element `i` covers
    /// periods `i ..< i + window` (empyrical `roll_sharpe_ratio`).
    /// - Complexity: O(n · window), each window computed afresh for accuracy.
    public func rollingSharpeRatio(window: Int) throws(AnalyticsError) -> [Double] {
        try rolling(window) { slice throws(AnalyticsError) in
            let sd = Descriptive.standardDeviation(slice)
            guard sd > 0 else { throw .undefined("Sharpe ratio of a window with zero volatility") }
            return Descriptive.mean(slice) / sd * periodsPerYear.squareRoot()
        }
    }

    /// Annualized volatility over each window (empyrical `roll_annual_volatility`).
    public func rollingVolatility(window: Int) throws(AnalyticsError) -> [Double] {
        try rolling(window) { Descriptive.standardDeviation($0) * periodsPerYear.squareRoot() }
    }

    /// Beta against `benchmark` over each window (empyrical `roll_beta`).
    public func rollingBeta(against benchmark: ReturnSeries, window: Int) throws(AnalyticsError) -> [Double] {
        try checkBenchmark(benchmark)
        return try rolling(window) { slice throws(AnalyticsError) in
            try Self.beta(slice, benchmark.values[slice.indices])
        }
    }

    private func rolling(
        _ window: Int, _ statistic: (ArraySlice<Double>) throws(AnalyticsError) -> Double
    ) throws(AnalyticsError) -> [Double] {
        guard window >= 2 else { throw .invalidParameter("rolling window must be at least 2, got \(window)") }
        try require(window)
        var out = [Double]()
        out.reserveCapacity(count - window + 1)
        for start in 0...(count - window) {
            out.append(try statistic(values[start..<(start + window)]))
        }
        return out
    }
}
