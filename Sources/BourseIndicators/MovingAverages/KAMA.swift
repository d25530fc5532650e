/// Kaufman adaptive moving average (TA-Lib `KAMA`, fast 2, slow 30).
///
/// The efficiency ratio `|x − x[−period]| / Σ|Δx|` (1 when the volatility sum is ≤ the
/// change or below 1e-8) sets the smoothing `(ER·(2/3 − 2/31) + 2/31)²`. The first
/// value, at index `period` (the lookback), starts from the previous price.
/// - Complexity: O(1) per update, allocation-free.
public struct KAMA: Indicator, Sendable {
    public let period: Int
    @usableFromInline static let constMax = 2.0 / (30.0 + 1.0)
    @usableFromInline static let constDiff = 2.0 / (2.0 + 1.0) - constMax
    /// The last `period + 1` prices.
    @usableFromInline var window: RingBuffer
    @usableFromInline var previousPrice = 0.0
    /// Σ |Δprice| over the last `period` changes.
    @usableFromInline var sumROC1 = 0.0
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `2...100_000`.
    public init(period: Int) throws(IndicatorError) {
        try IndicatorError.check(period, of: "KAMA")
        self.period = period
        window = RingBuffer(capacity: period + 1)
    }

    public var lookback: Int { period }
    @inlinable public var isReady: Bool { window.isFull }

    @inlinable
    public mutating func update(_ x: Double) {
        let wasFull = window.isFull
        let isFirst = window.count == 0
        let trailingValue = window.push(x)
        if !isFirst && !wasFull {
            sumROC1 += abs(previousPrice - x)
        }
        defer { previousPrice = x }
        guard window.isFull else { return }
        let periodStart = window.oldest
        if wasFull {
            sumROC1 -= abs(trailingValue - periodStart)
            sumROC1 += abs(x - previousPrice)
        } else {
            current = previousPrice
        }
        let periodROC = x - periodStart
        var smoothing =
            (sumROC1 <= periodROC || taIsZero(sumROC1)) ? 1.0 : abs(periodROC / sumROC1)
        smoothing = (smoothing * Self.constDiff) + Self.constMax
        smoothing *= smoothing
        current = ((x - current) * smoothing) + current
    }

    public mutating func reset() {
        window.removeAll()
        previousPrice = 0
        sumROC1 = 0
        current = .nan
    }
}
