/// Commodity channel index (TA-Lib `CCI`, default 14):
/// `(tp − mean(tp)) / (0.015 · mean|tp − mean(tp)|)` over typical prices `tp`,
/// 0 when either factor is 0. Lookback `period − 1`.
///
/// - Complexity: O(period) per update: the mean absolute deviation has no exact
///   running form, and TA-Lib recomputes it the same way. Allocation-free.
public struct CCI: Indicator, Sendable {
    public let period: Int
    @usableFromInline var window: RingBuffer
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `2...100_000`.
    public init(period: Int = 14) throws(IndicatorError) {
        try IndicatorError.check(period, of: "CCI")
        self.period = period
        window = RingBuffer(capacity: period)
    }

    public var lookback: Int { period - 1 }
    @inlinable public var isReady: Bool { window.isFull }

    @inlinable
    public mutating func update(_ bar: HLCV) {
        let typical = bar.typicalPrice
        window.push(typical)
        guard window.isFull else { return }
        // Summed in storage order, as TA-Lib sums its circular buffer.
        let p = Double(period)
        var average = 0.0
        for v in window.storage { average += v }
        average /= p
        var deviation = 0.0
        for v in window.storage { deviation += abs(v - average) }
        let distance = typical - average
        current = (distance != 0.0 && deviation != 0.0) ? distance / (0.015 * (deviation / p)) : 0.0
    }

    public mutating func reset() {
        window.removeAll()
        current = .nan
    }
}
