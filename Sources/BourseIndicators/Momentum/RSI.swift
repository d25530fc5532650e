/// Relative strength index (TA-Lib `RSI`), Wilder smoothing.
///
/// The first `period` changes are averaged; after that each average is updated as
/// `(avg·(period − 1) + change) / period`. `RSI = 100·gain / (gain + loss)`, 0 when
/// `gain + loss` is below 1e-8 (TA-Lib's `TA_IS_ZERO`). Lookback `period`.
/// - Complexity: O(1) per update, allocation-free.
public struct RSI: Indicator, Sendable {
    public let period: Int
    @usableFromInline var count = 0
    @usableFromInline var previous = 0.0
    @usableFromInline var gain = 0.0
    @usableFromInline var loss = 0.0
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `2...100_000`.
    public init(period: Int = 14) throws(IndicatorError) {
        try IndicatorError.check(period, of: "RSI")
        self.period = period
    }

    public var lookback: Int { period }
    @inlinable public var isReady: Bool { count > period }

    @inlinable
    public mutating func update(_ x: Double) {
        let change = x - previous
        previous = x
        count += 1
        if count == 1 { return }
        let p = Double(period)
        if count <= period + 1 {
            if change < 0 { loss -= change } else { gain += change }
            guard count == period + 1 else { return }
            loss /= p
            gain /= p
        } else {
            loss *= Double(period - 1)
            gain *= Double(period - 1)
            if change < 0 { loss -= change } else { gain += change }
            loss /= p
            gain /= p
        }
        let total = gain + loss
        current = taIsZero(total) ? 0.0 : 100.0 * (gain / total)
    }

    public mutating func reset() {
        count = 0
        previous = 0
        gain = 0
        loss = 0
        current = .nan
    }
}
