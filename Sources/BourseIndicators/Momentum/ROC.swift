/// Rate of change in percent (TA-Lib `ROC`): `(x / x[−period] − 1)·100`, 0 when
/// `x[−period]` is 0. Lookback `period`.
/// - Complexity: O(1) per update, allocation-free.
public struct ROC: Indicator, Sendable {
    @usableFromInline var lag: Lag
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `1...100_000`.
    public init(period: Int = 10) throws(IndicatorError) {
        try IndicatorError.check(period, of: "ROC", minimum: 1)
        lag = Lag(validLag: period)
    }

    public var period: Int { lag.lag }
    public var lookback: Int { lag.lag }
    @inlinable public var isReady: Bool { lag.isReady }

    @inlinable
    public mutating func update(_ x: Double) {
        guard let base = lag.push(x) else { return }
        current = base != 0.0 ? ((x / base) - 1.0) * 100.0 : 0.0
    }

    public mutating func reset() {
        lag.reset()
        current = .nan
    }
}
