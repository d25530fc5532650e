/// TRIX (TA-Lib `TRIX`): the one-period rate of change, in percent, of a triple
/// exponential smoothing: `(E3 / E3[−1] − 1) · 100` (0 when the previous E3 is 0).
///
/// Lookback `3·(period − 1) + 1`. - Complexity: O(1) per update, allocation-free.
public struct TRIX: Indicator, Sendable {
    public let period: Int
    @usableFromInline var emas: TripleEMA
    @usableFromInline var previous = 0.0
    /// Triple-EMA values seen, saturating at 2.
    @usableFromInline var smoothedCount = 0
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `1...100_000`.
    public init(period: Int) throws(IndicatorError) {
        try IndicatorError.check(period, of: "TRIX", minimum: 1)
        self.period = period
        emas = TripleEMA(validPeriod: period)
    }

    public var lookback: Int { 3 * (period - 1) + 1 }
    @inlinable public var isReady: Bool { smoothedCount >= 2 }

    @inlinable
    public mutating func update(_ x: Double) {
        emas.update(x)
        guard emas.isReady else { return }
        let smoothed = emas.third.value
        if smoothedCount > 0 {
            current = previous != 0.0 ? ((smoothed / previous) - 1.0) * 100.0 : 0.0
            smoothedCount = 2
        } else {
            smoothedCount = 1
        }
        previous = smoothed
    }

    public mutating func reset() {
        emas.reset()
        previous = 0
        smoothedCount = 0
        current = .nan
    }
}
