/// The mean and population variance of the last `period` values, kept with sums of
/// deviations from a reference `K` that is re-centred on the window's mean (sums
/// recomputed from the window) once every `period` updates.
///
/// Centring avoids the cancellation of the one-pass `E[x²] − E[x]²` on raw prices
/// (TA-Lib ≥ 0.6 is accurate here too), and the periodic recomputation stops rounding
/// drift from accumulating. - Complexity: amortized O(1) per update (O(period) once
/// every `period` updates), allocation-free.
@usableFromInline
struct RollingMoments: Sendable {
    @usableFromInline var window: RingBuffer
    @usableFromInline var reference = 0.0
    /// Σ (x − reference) over the window.
    @usableFromInline var sum = 0.0
    /// Σ (x − reference)² over the window.
    @usableFromInline var sumOfSquares = 0.0

    @usableFromInline
    init(validPeriod period: Int) { window = RingBuffer(capacity: period) }

    @inlinable var period: Int { window.capacity }
    @inlinable var isReady: Bool { window.isFull }
    /// The window's mean (valid when ready).
    @inlinable var mean: Double { reference + sum / Double(period) }
    /// The window's population variance (valid when ready; ≥ 0 up to rounding).
    @inlinable var variance: Double {
        let p = Double(period)
        let m = sum / p
        return sumOfSquares / p - m * m
    }

    /// The window's population standard deviation, 0 where rounding makes the variance ≤ 0.
    @inlinable var standardDeviation: Double {
        let variance = variance
        return variance > 0 ? variance.squareRoot() : 0.0
    }

    @inlinable
    mutating func update(_ x: Double) {
        if window.count == 0 { reference = x }
        let wasFull = window.isFull
        let leaving = window.push(x) - reference
        if wasFull {
            sum -= leaving
            sumOfSquares -= leaving * leaving
        }
        let d = x - reference
        sum += d
        sumOfSquares += d * d
        if window.isFull, window.next == 0 { recentre() }
    }

    /// Moves the reference to the window's mean and recomputes the sums exactly.
    @usableFromInline
    mutating func recentre() {
        reference = mean
        var s = 0.0
        var s2 = 0.0
        for v in window.storage {
            let d = v - reference
            s += d
            s2 += d * d
        }
        sum = s
        sumOfSquares = s2
    }

    @usableFromInline
    mutating func reset() {
        window.removeAll()
        reference = 0
        sum = 0
        sumOfSquares = 0
    }
}
