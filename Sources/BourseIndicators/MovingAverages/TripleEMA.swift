/// Three chained EMAs of one period, each seeded by the SMA of its input's first
/// `period` values: the shared core of ``TEMA`` and ``TRIX``.
@usableFromInline
struct TripleEMA: Sendable {
    @usableFromInline var first: EMA
    @usableFromInline var second: EMA
    @usableFromInline var third: EMA

    @usableFromInline
    init(validPeriod period: Int) {
        first = EMA(validPeriod: period)
        second = first
        third = first
    }

    @inlinable var isReady: Bool { third.isReady }

    @inlinable
    mutating func update(_ x: Double) {
        first.update(x)
        guard first.isReady else { return }
        second.update(first.value)
        guard second.isReady else { return }
        third.update(second.value)
    }

    @usableFromInline
    mutating func reset() {
        first.reset()
        second.reset()
        third.reset()
    }
}
