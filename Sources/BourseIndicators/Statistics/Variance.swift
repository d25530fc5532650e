/// Rolling population variance (TA-Lib `VAR`, default 5): `E[x²] − E[x]²` over the
/// last `period` values. Lookback `period − 1`.
///
/// The rolling variance of the statistics set, computed on deviations from a
/// periodically re-centred reference, so it keeps its digits when the variance is tiny
/// relative to the squared mean (EUR/USD hourly closes).
/// - Complexity: amortized O(1) per update, allocation-free.
public struct Variance: Indicator, Sendable {
    @usableFromInline var moments: RollingMoments
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `1...100_000`.
    public init(period: Int = 5) throws(IndicatorError) {
        try IndicatorError.check(period, of: "VAR", minimum: 1)
        moments = RollingMoments(validPeriod: period)
    }

    public var period: Int { moments.period }
    public var lookback: Int { period - 1 }
    @inlinable public var isReady: Bool { moments.isReady }

    @inlinable
    public mutating func update(_ x: Double) {
        moments.update(x)
        if moments.isReady { current = moments.variance }
    }

    public mutating func reset() {
        moments.reset()
        current = .nan
    }
}
