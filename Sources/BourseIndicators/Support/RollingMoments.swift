/// Running Σx and Σx² over the last `period` values, updated in TA-Lib's order
/// (`TA_INT_VAR`): add the newest, take the means, subtract the oldest.
@usableFromInline
struct RollingMoments: Sendable {
    @usableFromInline var window: RingBuffer
    @usableFromInline var sum = 0.0
    @usableFromInline var sumOfSquares = 0.0
    /// The mean of the window after the last update.
    @usableFromInline var mean = Double.nan
    /// The mean of the squares after the last update.
    @usableFromInline var meanOfSquares = Double.nan

    @usableFromInline
    init(validPeriod period: Int) { window = RingBuffer(capacity: period) }

    @inlinable var period: Int { window.capacity }
    @inlinable var isReady: Bool { window.isFull }
    /// The population variance `E[x²] − E[x]²` (may round to a tiny negative).
    @inlinable var variance: Double { meanOfSquares - (mean * mean) }

    @inlinable
    mutating func update(_ x: Double) {
        window.push(x)
        sum += x
        sumOfSquares += x * x
        guard window.isFull else { return }
        let p = Double(period)
        mean = sum / p
        meanOfSquares = sumOfSquares / p
        let oldest = window.oldest
        sum -= oldest
        sumOfSquares -= oldest * oldest
    }

    @usableFromInline
    mutating func reset() {
        window.removeAll()
        sum = 0
        sumOfSquares = 0
        mean = .nan
        meanOfSquares = .nan
    }
}
