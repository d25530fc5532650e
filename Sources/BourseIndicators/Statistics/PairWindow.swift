/// The last `period` (x, y) pairs with running Σx, Σy, Σx², Σy², Σxy, updated in
/// TA-Lib's `CORREL` order.
@usableFromInline
struct PairWindow: Sendable {
    @usableFromInline var xs: RingBuffer
    @usableFromInline var ys: RingBuffer
    @usableFromInline var sumX = 0.0
    @usableFromInline var sumY = 0.0
    @usableFromInline var sumXX = 0.0
    @usableFromInline var sumYY = 0.0
    @usableFromInline var sumXY = 0.0

    @usableFromInline
    init(validPeriod period: Int) {
        xs = RingBuffer(capacity: period)
        ys = RingBuffer(capacity: period)
    }

    @inlinable var period: Int { xs.capacity }
    @inlinable var isFull: Bool { xs.isFull }

    /// Removes the pair leaving the window (if full), then adds the new one.
    @inlinable
    mutating func update(x: Double, y: Double) {
        if xs.isFull {
            let tx = xs.oldest
            let ty = ys.oldest
            sumX -= tx
            sumXX -= tx * tx
            sumXY -= tx * ty
            sumY -= ty
            sumYY -= ty * ty
        }
        xs.push(x)
        ys.push(y)
        sumX += x
        sumXX += x * x
        sumXY += x * y
        sumY += y
        sumYY += y * y
    }

    @usableFromInline
    mutating func reset() { self = PairWindow(validPeriod: period) }
}
