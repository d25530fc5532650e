/// The input `lag` updates before the latest one, kept in a ring of `lag + 1` values:
/// what ``Momentum`` and ``ROC`` compare the latest input with.
@usableFromInline
struct Lag: Sendable {
    @usableFromInline var window: RingBuffer

    @usableFromInline
    init(validLag lag: Int) { window = RingBuffer(capacity: lag + 1) }

    @inlinable var lag: Int { window.capacity - 1 }
    @inlinable var isReady: Bool { window.isFull }

    /// Feeds `x` and returns the input `lag` updates before it (nil during warm-up).
    @inlinable
    mutating func push(_ x: Double) -> Double? {
        window.push(x)
        return window.isFull ? window.oldest : nil
    }

    @usableFromInline
    mutating func reset() { window.removeAll() }
}
