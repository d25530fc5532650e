/// Rate of change in percent (TA-Lib `ROC`): `(x / x[−period] − 1)·100`, 0 when
/// `x[−period]` is 0. Lookback `period`.
/// - Complexity: O(1) per update, allocation-free.
public struct ROC: Indicator, Sendable {
    public let period: Int
    @usableFromInline var window: RingBuffer
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `1...100_000`.
    public init(period: Int = 10) throws(IndicatorError) {
        try IndicatorError.check(period, of: "ROC", minimum: 1)
        self.period = period
        window = RingBuffer(capacity: period + 1)
    }

    public var lookback: Int { period }
    @inlinable public var isReady: Bool { window.isFull }

    @inlinable
    public mutating func update(_ x: Double) {
        window.push(x)
        guard window.isFull else { return }
        let base = window.oldest
        current = base != 0.0 ? ((x / base) - 1.0) * 100.0 : 0.0
    }

    public mutating func reset() {
        window.removeAll()
        current = .nan
    }
}
