/// Momentum (TA-Lib `MOM`): `x − x[−period]`. Lookback `period`.
/// - Complexity: O(1) per update, allocation-free.
public struct Momentum: Indicator, Sendable {
    @usableFromInline var lag: Lag
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `1...100_000`.
    public init(period: Int = 10) throws(IndicatorError) {
        try IndicatorError.check(period, of: "MOM", minimum: 1)
        lag = Lag(validLag: period)
    }

    public var period: Int { lag.lag }
    public var lookback: Int { lag.lag }
    @inlinable public var isReady: Bool { lag.isReady }

    @inlinable
    public mutating func update(_ x: Double) {
        if let base = lag.push(x) { current = x - base }
    }

    public mutating func reset() {
        lag.reset()
        current = .nan
    }
}
