/// Money flow index (TA-Lib `MFI`, default 14): `100·positive / (positive + negative)`
/// money flow (typical price × volume, signed by the typical price's change; a change
/// below 1e-8 in magnitude, i.e. rounding, counts as none, as TA-Lib ≥ 0.6 does) over the
/// last `period` bars; 0 when the total flow is below 1 (TA-Lib's rule). Lookback `period`.
/// - Complexity: O(1) per update, allocation-free.
public struct MFI: Indicator, Sendable {
    public let period: Int
    @usableFromInline var positiveFlows: RingBuffer
    @usableFromInline var negativeFlows: RingBuffer
    @usableFromInline var positiveSum = 0.0
    @usableFromInline var negativeSum = 0.0
    @usableFromInline var previousTypical = 0.0
    @usableFromInline var started = false
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `2...100_000`.
    public init(period: Int = 14) throws(IndicatorError) {
        try IndicatorError.check(period, of: "MFI")
        self.period = period
        positiveFlows = RingBuffer(capacity: period)
        negativeFlows = RingBuffer(capacity: period)
    }

    public var lookback: Int { period }
    @inlinable public var isReady: Bool { positiveFlows.isFull }

    @inlinable
    public mutating func update(_ bar: HLCV) {
        let typical = bar.typicalPrice
        defer { previousTypical = typical }
        guard started else {
            started = true
            return
        }
        if positiveFlows.isFull {
            positiveSum -= positiveFlows.oldest
            negativeSum -= negativeFlows.oldest
        }
        let change = typical - previousTypical
        let flow = typical * bar.volume
        var positive = 0.0
        var negative = 0.0
        if taIsZero(change) {
            // TA-Lib ≥ 0.6: a typical-price change below 1e-8 (rounding) counts as none.
        } else if change < 0 {
            negative = flow
            negativeSum += flow
        } else {
            positive = flow
            positiveSum += flow
        }
        positiveFlows.push(positive)
        negativeFlows.push(negative)
        guard positiveFlows.isFull else { return }
        let total = positiveSum + negativeSum
        current = total < 1.0 ? 0.0 : 100.0 * (positiveSum / total)
    }

    public mutating func reset() {
        positiveFlows.removeAll()
        negativeFlows.removeAll()
        positiveSum = 0
        negativeSum = 0
        previousTypical = 0
        started = false
        current = .nan
    }
}
