/// The highest high and the lowest low of the last `period` bars (the current one
/// included): the window of ``WilliamsR``, ``DonchianChannels`` and the stochastics.
/// - Complexity: amortized O(1) per update, allocation-free.
@usableFromInline
struct RollingRange: Sendable {
    @usableFromInline let period: Int
    @usableFromInline var highest: RollingExtreme
    @usableFromInline var lowest: RollingExtreme
    @usableFromInline var count = 0

    @usableFromInline
    init(validPeriod period: Int) {
        self.period = period
        highest = RollingExtreme(window: period, maximum: true)
        lowest = RollingExtreme(window: period, maximum: false)
    }

    /// Whether `period` bars have been seen.
    @inlinable var isReady: Bool { count >= period }
    /// The highest high of the window.
    @inlinable var high: Double { highest.extreme }
    /// The lowest low of the window.
    @inlinable var low: Double { lowest.extreme }

    @inlinable
    mutating func update(high: Double, low: Double) {
        highest.push(high)
        lowest.push(low)
        if count < period { count += 1 }
    }

    @usableFromInline
    mutating func reset() {
        highest.removeAll()
        lowest.removeAll()
        count = 0
    }
}
