/// Wilder's smoothing step `next = (average·(period − 1) + x) / period`, computed as
/// `(average + x·rate)·decay` with `rate = 1/(period − 1)` and `decay = (period − 1)/period`
/// rounded once, at init (`period` ≥ 2).
///
/// The textbook form chains a multiply, an add and a division (~20 cycles) from one
/// update to the next; this one chains an add and a multiply, and `x·rate` does not
/// wait for the previous average. The two forms differ by a few units in the last place
/// (relative ~1e-15; the rounding of the factors can add at most ~`period`·1e-16), well
/// inside the 1e-9 agreement with TA-Lib the golden tests demand. TA-Lib 0.8.1's own
/// ATR and RSI do not reproduce the textbook form bit for bit either.
@usableFromInline
struct WilderSmoothing: Sendable {
    @usableFromInline let rate: Double
    @usableFromInline let decay: Double

    @usableFromInline
    init(period: Int) {
        rate = 1.0 / Double(period - 1)
        decay = Double(period - 1) / Double(period)
    }

    /// The average after `x` joins it.
    @inlinable @inline(__always)
    func step(_ average: Double, _ x: Double) -> Double { (average + x * rate) * decay }

    /// Two averages stepped at once.
    @inlinable @inline(__always)
    func step(_ average: SIMD2<Double>, _ x: SIMD2<Double>) -> SIMD2<Double> { (average + x * rate) * decay }
}
