/// Normalized average true range (TA-Lib `NATR`, default 14): `100·ATR / close`, 0 when
/// the close is below 1e-8 in magnitude. Lookback `period`.
/// - Complexity: O(1) per update, allocation-free.
public struct NATR: Indicator, Sendable {
    @usableFromInline var atr: ATR
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `1...100_000`.
    public init(period: Int = 14) throws(IndicatorError) {
        try IndicatorError.check(period, of: "NATR", minimum: 1)
        atr = try ATR(period: period)
    }

    public var period: Int { atr.period }
    public var lookback: Int { atr.lookback }
    @inlinable public var isReady: Bool { atr.isReady }

    @inlinable
    public mutating func update(_ bar: HLCV) {
        atr.update(bar)
        guard atr.isReady else { return }
        current = taIsZero(bar.close) ? 0.0 : (atr.value / bar.close) * 100.0
    }

    public mutating func reset() {
        atr.reset()
        current = .nan
    }
}
