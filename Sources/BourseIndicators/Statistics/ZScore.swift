/// Rolling z-score (TA-Lib has none): `(x − mean) / σ` over the last `period` values,
/// σ the population standard deviation. Lookback `period − 1`.
///
/// When the window's variance is zero up to rounding (variance ≤ 1e-12·mean², below
/// what the arithmetic can tell from noise) the z-score is 0.
/// - Complexity: O(1) per update, allocation-free.
public struct ZScore: Indicator, Sendable {
    @usableFromInline var moments: RollingMoments
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `2...100_000`.
    public init(period: Int = 20) throws(IndicatorError) {
        try IndicatorError.check(period, of: "ZScore")
        moments = RollingMoments(validPeriod: period)
    }

    public var period: Int { moments.period }
    public var lookback: Int { period - 1 }
    @inlinable public var isReady: Bool { moments.isReady }

    @inlinable
    public mutating func update(_ x: Double) {
        moments.update(x)
        guard moments.isReady else { return }
        let variance = moments.variance
        let mean = moments.mean
        current = variance > 1e-12 * mean * mean ? (x - mean) / variance.squareRoot() : 0.0
    }

    public mutating func reset() {
        moments.reset()
        current = .nan
    }
}
