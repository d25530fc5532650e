/// The directional indicators +DI and −DI (TA-Lib `PLUS_DI` / `MINUS_DI`, default 14).
/// Lookback `period`.
/// - Complexity: O(1) per update, allocation-free.
public struct DirectionalIndicator: Indicator, Sendable {
    /// +DI and −DI, in percent.
    public struct Value: Sendable, Hashable {
        public var plus: Double
        public var minus: Double

        @usableFromInline
        init(plus: Double, minus: Double) {
            self.plus = plus
            self.minus = minus
        }
    }

    @usableFromInline var movement: DirectionalMovement
    @usableFromInline var current = Value(plus: .nan, minus: .nan)
    @inlinable public var value: Value { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `2...100_000`.
    public init(period: Int = 14) throws(IndicatorError) {
        try IndicatorError.check(period, of: "DI")
        movement = DirectionalMovement(validPeriod: period)
    }

    public var period: Int { movement.period }
    public var lookback: Int { period }
    @inlinable public var isReady: Bool { movement.isReady }

    @inlinable
    public mutating func update(_ bar: HLCV) {
        movement.update(bar)
        if movement.isReady { current = Value(plus: movement.plusDI, minus: movement.minusDI) }
    }

    public mutating func reset() {
        movement.reset()
        current = Value(plus: .nan, minus: .nan)
    }
}
