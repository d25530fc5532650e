/// Williams %R (TA-Lib `WILLR`, default 14): `−100·(highest − close) / (highest − lowest)`
/// over `period` bars, 0 when the range is 0. Lookback `period − 1`.
/// - Complexity: amortized O(1) per update, allocation-free.
public struct WilliamsR: Indicator, Sendable {
    public let period: Int
    @usableFromInline var highest: RollingExtreme
    @usableFromInline var lowest: RollingExtreme
    @usableFromInline var count = 0
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `2...100_000`.
    public init(period: Int = 14) throws(IndicatorError) {
        try IndicatorError.check(period, of: "WILLR")
        self.period = period
        highest = RollingExtreme(window: period, maximum: true)
        lowest = RollingExtreme(window: period, maximum: false)
    }

    public var lookback: Int { period - 1 }
    @inlinable public var isReady: Bool { count >= period }

    @inlinable
    public mutating func update(_ bar: HLCV) {
        highest.push(bar.high)
        lowest.push(bar.low)
        if count < period { count += 1 }
        guard count >= period else { return }
        let high = highest.extreme
        let diff = (high - lowest.extreme) / (-100.0)
        current = diff != 0.0 ? (high - bar.close) / diff : 0.0
    }

    public mutating func reset() {
        highest.removeAll()
        lowest.removeAll()
        count = 0
        current = .nan
    }
}
