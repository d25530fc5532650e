/// Triple exponential moving average (TA-Lib `TEMA`): `3·E1 − 3·E2 + E3`, where
/// `E2 = EMA(E1)` and `E3 = EMA(E2)`.
///
/// Lookback `3·(period − 1)`. - Complexity: O(1) per update, allocation-free.
public struct TEMA: Indicator, Sendable {
    public let period: Int
    @usableFromInline var emas: TripleEMA
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `2...100_000`.
    public init(period: Int) throws(IndicatorError) {
        try IndicatorError.check(period, of: "TEMA")
        self.period = period
        emas = TripleEMA(validPeriod: period)
    }

    public var lookback: Int { 3 * (period - 1) }
    @inlinable public var isReady: Bool { emas.isReady }

    @inlinable
    public mutating func update(_ x: Double) {
        emas.update(x)
        if emas.isReady {
            current = emas.third.value + ((3.0 * emas.first.value) - (3.0 * emas.second.value))
        }
    }

    public mutating func reset() {
        emas.reset()
        current = .nan
    }
}
