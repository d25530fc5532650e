/// Relative strength index (TA-Lib `RSI`), Wilder smoothing.
///
/// The first `period` changes are averaged; after that each average moves by Wilder's
/// step `(avg·(period − 1) + change) / period` (see ``WilderSmoothing`` for how it is
/// rounded). `RSI = 100·gain / (gain + loss)`, 0 when `gain + loss` is below 1e-8
/// (TA-Lib's `TA_IS_ZERO`). Lookback `period`.
/// - Complexity: O(1) per update, allocation-free.
public struct RSI: Indicator, Sendable {
    public let period: Int
    @usableFromInline let smoothing: WilderSmoothing
    @usableFromInline var count = 0
    @usableFromInline var previous = 0.0
    /// The average gain and the average loss (their sums during warm-up), one vector so
    /// that both move in the same instructions.
    @usableFromInline var averages = SIMD2<Double>.zero
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `2...100_000`.
    public init(period: Int = 14) throws(IndicatorError) {
        try IndicatorError.check(period, of: "RSI")
        self.period = period
        smoothing = WilderSmoothing(period: period)
    }

    public var lookback: Int { period }
    @inlinable public var isReady: Bool { count > period }

    @inlinable @inline(__always)
    public mutating func update(_ x: Double) {
        let change = x - previous
        previous = x
        // TA-Lib's `if (change < 0) loss -= change; else gain += change`, without a
        // branch (a random walk mispredicts half the time): (gain, loss) += (up, down),
        // where adding 0 to a sum that is +0 or more changes no bit. A NaN change makes
        // both NaN (TA-Lib: the gain only); the value is NaN either way.
        var upDown = SIMD2(change, -change)
        upDown.replace(with: 0, where: upDown .< 0)
        if count > period {
            averages = smoothing.step(averages, upDown)
        } else {
            count += 1
            if count == 1 { return }
            averages += upDown
            guard count == period + 1 else { return }
            averages /= Double(period)
        }
        let total = averages.sum()
        current = taIsZero(total) ? 0.0 : 100.0 * (averages.x / total)
    }

    public mutating func reset() {
        count = 0
        previous = 0
        averages = .zero
        current = .nan
    }
}
