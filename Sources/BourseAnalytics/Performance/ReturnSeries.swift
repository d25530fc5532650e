/// A series of simple periodic returns (0.01 = +1 %) with its sampling frequency.
///
/// Metrics follow empyrical's definitions (and quantstats' where empyrical has none);
/// each is documented on its method. Every value must be finite: missing periods are the
/// caller's to drop or fill, explicitly.
///
/// ```swift
/// let r = try ReturnSeries(prices: closes, periodsPerYear: 252)
/// let sharpe = try r.sharpeRatio()
/// ```
public struct ReturnSeries: Sendable, Equatable {
    /// The periodic simple returns.
    public let values: [Double]
    /// Periods per year used to annualize (252 for US daily, 12 for monthly, 365 for crypto daily).
    public let periodsPerYear: Double

    /// A series from returns.
    /// - Throws: `AnalyticsError.nonFiniteValue` for NaN or infinity, `invalidParameter` for a
    ///   non-positive `periodsPerYear`, or a return at or below −100 %.
    public init(_ values: [Double], periodsPerYear: Double = 252) throws(AnalyticsError) {
        guard periodsPerYear > 0, periodsPerYear.isFinite else {
            throw .invalidParameter("periodsPerYear must be positive, got \(periodsPerYear)")
        }
        for (i, v) in values.enumerated() {
            guard v.isFinite else { throw .nonFiniteValue(what: "return", index: i) }
            guard v > -1 else { throw .invalidParameter("return at index \(i) is \(v), at or below -100%") }
        }
        self.values = values
        self.periodsPerYear = periodsPerYear
    }

    /// The simple returns `pₜ / pₜ₋₁ − 1` of a price or equity series.
    /// - Throws: `nonFiniteValue` or `nonPositivePrice` (row = index in `prices`).
    public init(prices: [Double], periodsPerYear: Double = 252) throws(AnalyticsError) {
        for (i, p) in prices.enumerated() {
            guard p.isFinite else { throw .nonFiniteValue(what: "price", index: i) }
            guard p > 0 else { throw .nonPositivePrice(asset: "series", row: i) }
        }
        let returns = prices.count < 2 ? [] : (1..<prices.count).map { prices[$0] / prices[$0 - 1] - 1 }
        try self.init(returns, periodsPerYear: periodsPerYear)
    }

    /// Number of periods.
    public var count: Int { values.count }

    func require(_ needed: Int) throws(AnalyticsError) {
        guard values.count >= needed else { throw .tooFewObservations(needed: needed, got: values.count) }
    }

    func checkBenchmark(_ benchmark: ReturnSeries) throws(AnalyticsError) {
        guard benchmark.count == count else {
            throw .lengthMismatch("benchmark has \(benchmark.count) periods, series has \(count)")
        }
    }
}
