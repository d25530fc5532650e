/// Wilder's average true range, TA-Lib's algorithm shared by ``ATR``, ``NATR`` and
/// ``KeltnerChannels``: the first value (bar `period`) is the plain mean of the first
/// `period` true ranges, then `(atr·(period − 1) + tr) / period`. Period 1 is the true range.
@usableFromInline
struct WilderATR: Sendable {
    @usableFromInline let period: Int
    @usableFromInline var trueRange = TrueRange()
    @usableFromInline var count = 0
    @usableFromInline var atr = 0.0

    @usableFromInline
    init(validPeriod period: Int) { self.period = period }

    @inlinable var isReady: Bool { count >= period }

    @inlinable
    mutating func update(_ bar: HLCV) {
        trueRange.update(bar)
        guard trueRange.isReady else { return }
        let tr = trueRange.value
        if period == 1 {
            atr = tr
            count = 1
        } else if count < period {
            atr += tr
            count += 1
            if count == period { atr /= Double(period) }
        } else {
            atr *= Double(period - 1)
            atr += tr
            atr /= Double(period)
        }
    }

    @usableFromInline
    mutating func reset() {
        trueRange.reset()
        count = 0
        atr = 0
    }
}
