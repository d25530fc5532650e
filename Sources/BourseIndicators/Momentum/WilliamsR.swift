/// Williams %R (TA-Lib `WILLR`, default 14): `−100·(highest − close) / (highest − lowest)`
/// over `period` bars, 0 when the range is 0. Lookback `period − 1`.
/// - Complexity: amortized O(1) per update, allocation-free.
public struct WilliamsR: Indicator, Sendable {
    @usableFromInline var range: RollingRange
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `2...100_000`.
    public init(period: Int = 14) throws(IndicatorError) {
        try IndicatorError.check(period, of: "WILLR")
        range = RollingRange(validPeriod: period)
    }

    public var period: Int { range.period }
    public var lookback: Int { range.period - 1 }
    @inlinable public var isReady: Bool { range.isReady }

    @inlinable
    public mutating func update(_ bar: HLCV) {
        range.update(high: bar.high, low: bar.low)
        guard range.isReady else { return }
        let diff = (range.high - range.low) / (-100.0)
        current = diff != 0.0 ? (range.high - bar.close) / diff : 0.0
    }

    public mutating func reset() {
        range.reset()
        current = .nan
    }
}
