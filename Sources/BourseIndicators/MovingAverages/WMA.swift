/// Linearly weighted moving average (TA-Lib `WMA`): weights `1…period`, newest heaviest.
///
/// Lookback `period − 1`. Kept with TA-Lib's two running sums, updated in its order.
/// - Complexity: O(1) per update, allocation-free.
public struct WMA: Indicator, Sendable {
    public let period: Int
    @usableFromInline let divider: Double
    @usableFromInline var window: RingBuffer
    /// Σ values in the window (minus the value leaving it).
    @usableFromInline var periodSub = 0.0
    /// Σ weight × value.
    @usableFromInline var periodSum = 0.0
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `1...100_000`
    ///   (period 1 is the identity, as in TA-Lib).
    public init(period: Int) throws(IndicatorError) {
        try IndicatorError.check(period, of: "WMA", minimum: 1)
        self.init(validPeriod: period)
    }

    @usableFromInline
    init(validPeriod period: Int) {
        self.period = period
        divider = Double((period * (period + 1)) >> 1)
        window = RingBuffer(capacity: period)
    }

    public var lookback: Int { period - 1 }
    @inlinable public var isReady: Bool { window.isFull }

    @inlinable
    public mutating func update(_ x: Double) {
        if period == 1 {
            window.push(x)
            current = x
            return
        }
        let leaving = window.push(x)  // 0 until the window is full, as in TA-Lib
        periodSub += x
        if !window.isFull {
            periodSum += x * Double(window.count)
            return
        }
        periodSub -= leaving
        periodSum += x * Double(period)
        current = periodSum / divider
        periodSum -= periodSub
    }

    public mutating func reset() {
        window.removeAll()
        periodSub = 0
        periodSum = 0
        current = .nan
    }
}
