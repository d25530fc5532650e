/// Aroon up and down (TA-Lib `AROON`, default 14): `100·(period − bars since the
/// highest high) / period` over the last `period + 1` bars (the most recent extreme
/// wins a tie); down likewise with the lowest low. Lookback `period`.
/// - Complexity: amortized O(1) per update, allocation-free.
public struct Aroon: Indicator, Sendable {
    /// Aroon down and up, in percent; `oscillator` is `up − down` (TA-Lib `AROONOSC`).
    public struct Value: Sendable, Hashable {
        public var down: Double
        public var up: Double
        public var oscillator: Double { up - down }

        @usableFromInline
        init(down: Double, up: Double) {
            self.down = down
            self.up = up
        }
    }

    public let period: Int
    @usableFromInline let factor: Double
    @usableFromInline var highest: RollingExtreme
    @usableFromInline var lowest: RollingExtreme
    @usableFromInline var count = 0
    @usableFromInline var current = Value(down: .nan, up: .nan)
    @inlinable public var value: Value { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `2...100_000`.
    public init(period: Int = 14) throws(IndicatorError) {
        try IndicatorError.check(period, of: "AROON")
        self.period = period
        factor = 100.0 / Double(period)
        highest = RollingExtreme(window: period + 1, maximum: true)
        lowest = RollingExtreme(window: period + 1, maximum: false)
    }

    public var lookback: Int { period }
    @inlinable public var isReady: Bool { count > period }

    @inlinable
    public mutating func update(_ bar: HLCV) {
        highest.push(bar.high)
        lowest.push(bar.low)
        if count <= period { count += 1 }
        guard count > period else { return }
        current = Value(
            down: factor * Double(period - lowest.age), up: factor * Double(period - highest.age))
    }

    public mutating func reset() {
        highest.removeAll()
        lowest.removeAll()
        count = 0
        current = Value(down: .nan, up: .nan)
    }
}
