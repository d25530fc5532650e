/// The raw stochastic `%K = 100·(close − lowest low) / (highest high − lowest low)`
/// over `period` bars, 0 when the range is 0 (TA-Lib's formula and order of operations).
@usableFromInline
struct StochasticK: Sendable {
    @usableFromInline var range: RollingRange

    @usableFromInline
    init(validPeriod period: Int) { range = RollingRange(validPeriod: period) }

    @inlinable var period: Int { range.period }
    @inlinable var isReady: Bool { range.isReady }

    /// Feeds a bar and returns the raw %K (meaningful once ``isReady``).
    @inlinable
    mutating func update(high: Double, low: Double, close: Double) -> Double {
        range.update(high: high, low: low)
        let low = range.low
        let diff = (range.high - low) / 100.0
        return diff != 0.0 ? (close - low) / diff : 0.0
    }

    @usableFromInline
    mutating func reset() { range.reset() }
}
