/// Momentum (TA-Lib `MOM`): `x − x[−period]`. Lookback `period`.
/// - Complexity: O(1) per update, allocation-free.
public struct Momentum: Indicator, Sendable {
    public let period: Int
    @usableFromInline var window: RingBuffer
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `1...100_000`.
    public init(period: Int = 10) throws(IndicatorError) {
        try IndicatorError.check(period, of: "MOM", minimum: 1)
        self.period = period
        window = RingBuffer(capacity: period + 1)
    }

    public var lookback: Int { period }
    @inlinable public var isReady: Bool { window.isFull }

    @inlinable
    public mutating func update(_ x: Double) {
        window.push(x)
        if window.isFull { current = x - window.oldest }
    }

    public mutating func reset() {
        window.removeAll()
        current = .nan
    }
}
