/// The last `period` (x, y) pairs with running sums Σx, Σy, Σx², Σy², Σxy of deviations
/// from references re-centred on the window's means (sums recomputed from the window)
/// once every `period` updates: the moments are shift-invariant, and centring keeps the
/// digits that raw price sums would cancel away.
/// - Complexity: amortized O(1) per update, allocation-free.
@usableFromInline
struct PairWindow: Sendable {
    @usableFromInline var xs: RingBuffer
    @usableFromInline var ys: RingBuffer
    @usableFromInline var referenceX = 0.0
    @usableFromInline var referenceY = 0.0
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
        if xs.count == 0 {
            referenceX = x
            referenceY = y
        }
        let wasFull = xs.isFull
        let tx = xs.push(x) - referenceX
        let ty = ys.push(y) - referenceY
        if wasFull { add(-1, tx, ty) }
        add(1, x - referenceX, y - referenceY)
        if xs.isFull, xs.next == 0 { recentre() }
    }

    @inlinable
    mutating func add(_ sign: Double, _ dx: Double, _ dy: Double) {
        sumX += sign * dx
        sumY += sign * dy
        sumXX += sign * (dx * dx)
        sumYY += sign * (dy * dy)
        sumXY += sign * (dx * dy)
    }

    /// Moves the references to the window's means and recomputes the sums.
    @usableFromInline
    mutating func recentre() {
        let p = Double(period)
        referenceX += sumX / p
        referenceY += sumY / p
        sumX = 0
        sumY = 0
        sumXX = 0
        sumYY = 0
        sumXY = 0
        for i in 0..<period { add(1, xs.storage[i] - referenceX, ys.storage[i] - referenceY) }
    }

    @usableFromInline
    mutating func reset() { self = PairWindow(validPeriod: period) }
}
