/// Wilder's average true range, TA-Lib's algorithm shared by ``ATR``, ``NATR`` and
/// ``KeltnerChannels``: the first value (bar `period`) is the plain mean of the first
/// `period` true ranges, then Wilder's step `(atr·(period − 1) + tr) / period` (see
/// ``WilderSmoothing`` for how it is rounded). Period 1 is the true range.
@usableFromInline
struct WilderATR: Sendable {
    @usableFromInline let period: Int
    @usableFromInline let smoothing: WilderSmoothing
    @usableFromInline var trueRange = TrueRange()
    @usableFromInline var count = 0
    @usableFromInline var atr = 0.0

    @usableFromInline
    init(validPeriod period: Int) {
        self.period = period
        smoothing = WilderSmoothing(period: period)
    }

    @inlinable var isReady: Bool { count >= period }

    @inlinable @inline(__always)
    mutating func update(_ bar: HLCV) {
        trueRange.update(bar)
        guard trueRange.isReady else { return }
        let tr = trueRange.value
        if count >= period {
            atr = period == 1 ? tr : smoothing.step(atr, tr)
        } else {
            atr += tr
            count += 1
            if count == period { atr /= Double(period) }
        }
    }

    @usableFromInline
    mutating func reset() {
        trueRange.reset()
        count = 0
        atr = 0
    }
}
