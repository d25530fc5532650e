/// Double exponential moving average (TA-Lib `DEMA`): `2·EMA − EMA(EMA)`.
///
/// The inner EMA is seeded by the SMA of the first `period` outer EMA values.
/// Lookback `2·(period − 1)`. - Complexity: O(1) per update, allocation-free.
public struct DEMA: Indicator, Sendable {
    public let period: Int
    @usableFromInline var first: EMA
    @usableFromInline var second: EMA
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `2...100_000`.
    public init(period: Int) throws(IndicatorError) {
        try IndicatorError.check(period, of: "DEMA")
        self.period = period
        first = EMA(validPeriod: period)
        second = first
    }

    public var lookback: Int { 2 * (period - 1) }
    @inlinable public var isReady: Bool { second.isReady }

    @inlinable
    public mutating func update(_ x: Double) {
        first.update(x)
        guard first.isReady else { return }
        second.update(first.value)
        if second.isReady { current = (2.0 * first.value) - second.value }
    }

    public mutating func reset() {
        first.reset()
        second.reset()
        current = .nan
    }
}
