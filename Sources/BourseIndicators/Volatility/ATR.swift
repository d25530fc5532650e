/// Average true range (TA-Lib `ATR`, default 14), Wilder smoothing seeded by the mean
/// of the first `period` true ranges. Lookback `period`.
/// - Complexity: O(1) per update, allocation-free.
public struct ATR: Indicator, Sendable {
    @usableFromInline var core: WilderATR
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `1...100_000`.
    public init(period: Int = 14) throws(IndicatorError) {
        try IndicatorError.check(period, of: "ATR", minimum: 1)
        core = WilderATR(validPeriod: period)
    }

    public var period: Int { core.period }
    public var lookback: Int { core.period }
    @inlinable public var isReady: Bool { core.isReady }

    @inlinable @inline(__always)
    public mutating func update(_ bar: HLCV) {
        core.update(bar)
        if core.isReady { current = core.atr }
    }

    public mutating func reset() {
        core.reset()
        current = .nan
    }
}
