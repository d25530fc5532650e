/// Wilder's smoothed +DM, −DM and true range, TA-Lib's algorithm shared by ``ADX``
/// and ``DirectionalIndicator``.
///
/// Bars `1…period−1` are summed; from bar `period` on each sum `s` becomes
/// `s − s/period + new`. A bar's +DM is `high − previous high` when that is positive and
/// greater than `previous low − low` (−DM symmetrically).
@usableFromInline
struct DirectionalMovement: Sendable {
    @usableFromInline let period: Int
    @usableFromInline var count = 0
    @usableFromInline var previousHigh = 0.0
    @usableFromInline var previousLow = 0.0
    @usableFromInline var previousClose = 0.0
    @usableFromInline var plusDM = 0.0
    @usableFromInline var minusDM = 0.0
    @usableFromInline var trueRange = 0.0

    @usableFromInline
    init(validPeriod period: Int) { self.period = period }

    /// Whether the smoothed sums exist (from bar `period`, 0-based).
    @inlinable var isReady: Bool { count > period }

    @inlinable
    mutating func update(_ bar: HLCV) {
        count += 1
        defer {
            previousHigh = bar.high
            previousLow = bar.low
            previousClose = bar.close
        }
        if count == 1 { return }
        let diffP = bar.high - previousHigh
        let diffM = previousLow - bar.low
        let range = BourseIndicators.trueRange(high: bar.high, low: bar.low, previousClose: previousClose)
        if count > period {
            let p = Double(period)
            plusDM -= plusDM / p
            minusDM -= minusDM / p
            trueRange = trueRange - (trueRange / p) + range
        } else {
            trueRange += range
        }
        if diffM > 0 && diffP < diffM {
            minusDM += diffM
        } else if diffP > 0 && diffP > diffM {
            plusDM += diffP
        }
    }

    /// `100·+DM/TR`, 0 when TR is below 1e-8.
    @inlinable var plusDI: Double { taIsZero(trueRange) ? 0.0 : 100.0 * (plusDM / trueRange) }
    /// `100·−DM/TR`, 0 when TR is below 1e-8.
    @inlinable var minusDI: Double { taIsZero(trueRange) ? 0.0 : 100.0 * (minusDM / trueRange) }

    @usableFromInline
    mutating func reset() { self = DirectionalMovement(validPeriod: period) }
}
