/// Exponential moving average (TA-Lib `EMA`), `k = 2 / (period + 1)`, seeded by the
/// simple average of the first `period` values (TA-Lib's default compatibility).
///
/// Lookback `period − 1`. - Complexity: O(1) per update, allocation-free.
public struct EMA: Indicator, Sendable {
    public let period: Int
    /// The smoothing factor `2 / (period + 1)`.
    public let k: Double
    @usableFromInline var count = 0
    @usableFromInline var seedSum = 0.0
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `1...100_000`.
    public init(period: Int) throws(IndicatorError) {
        try IndicatorError.check(period, of: "EMA", minimum: 1)
        self.init(validPeriod: period)
    }

    @usableFromInline
    init(validPeriod period: Int) {
        self.period = period
        k = 2.0 / (Double(period) + 1.0)
    }

    public var lookback: Int { period - 1 }
    @inlinable public var isReady: Bool { count >= period }

    @inlinable
    public mutating func update(_ x: Double) {
        if count >= period {
            current = ((x - current) * k) + current
            return
        }
        seedSum += x
        count += 1
        if count == period { current = seedSum / Double(period) }
    }

    public mutating func reset() {
        count = 0
        seedSum = 0
        current = .nan
    }
}
