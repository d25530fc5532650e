/// Slope of the least-squares line through the last `period` values (TA-Lib
/// `LINEARREG_SLOPE`, default 14), per bar. Lookback `period − 1`.
///
/// - Complexity: O(period) per update, allocation-free: the window sums are recomputed
///   as TA-Lib does, because running Σ i·x loses digits to cancellation.
public struct LinearRegressionSlope: Indicator, Sendable {
    public let period: Int
    @usableFromInline let sumX: Double
    @usableFromInline let divisor: Double
    @usableFromInline var window: RingBuffer
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `2...100_000`.
    public init(period: Int = 14) throws(IndicatorError) {
        try IndicatorError.check(period, of: "LINEARREG_SLOPE")
        self.period = period
        sumX = Double(period) * Double(period - 1) * 0.5
        let sumXSquared = Double(period * (period - 1) * (2 * period - 1) / 6)
        divisor = sumX * sumX - Double(period) * sumXSquared
        window = RingBuffer(capacity: period)
    }

    public var lookback: Int { period - 1 }
    @inlinable public var isReady: Bool { window.isFull }

    @inlinable
    public mutating func update(_ x: Double) {
        window.push(x)
        guard window.isFull else { return }
        var sumXY = 0.0
        var sumY = 0.0
        var barsAgo = Double(period)
        window.forEachChronologically { y in
            barsAgo -= 1
            sumY += y
            sumXY += barsAgo * y
        }
        current = (Double(period) * sumXY - sumX * sumY) / divisor
    }

    public mutating func reset() {
        window.removeAll()
        current = .nan
    }
}
