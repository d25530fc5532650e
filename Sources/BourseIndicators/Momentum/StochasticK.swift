/// The raw stochastic `%K = 100·(close − lowest low) / (highest high − lowest low)`
/// over `period` bars, 0 when the range is 0 (TA-Lib's formula and order of operations).
@usableFromInline
struct StochasticK: Sendable {
    @usableFromInline var highest: RollingExtreme
    @usableFromInline var lowest: RollingExtreme
    @usableFromInline var count = 0
    @usableFromInline let period: Int

    @usableFromInline
    init(validPeriod period: Int) {
        self.period = period
        highest = RollingExtreme(window: period, maximum: true)
        lowest = RollingExtreme(window: period, maximum: false)
    }

    @inlinable var isReady: Bool { count >= period }

    /// Feeds a bar and returns the raw %K (meaningful once ``isReady``).
    @inlinable
    mutating func update(high: Double, low: Double, close: Double) -> Double {
        highest.push(high)
        lowest.push(low)
        if count < period { count += 1 }
        let low = lowest.extreme
        let diff = (highest.extreme - low) / 100.0
        return diff != 0.0 ? (close - low) / diff : 0.0
    }

    @usableFromInline
    mutating func reset() {
        highest.removeAll()
        lowest.removeAll()
        count = 0
    }
}
