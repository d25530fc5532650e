/// The last `capacity` returns of one instrument, oldest first, with the time of each, in a
/// ring buffer (no allocation once created).
public struct ReturnWindow: Sendable {
    public let capacity: Int
    private var values: [Double] = []
    /// The time of each return (`Int64.max` when recorded without one).
    private var times: [Int64] = []
    private var start = 0

    public init(capacity: Int) {
        self.capacity = max(capacity, 1)
        values.reserveCapacity(self.capacity)
        times.reserveCapacity(self.capacity)
    }

    public var count: Int { values.count }
    /// How many returns were ever appended: changes with every ``append(_:)``.
    public private(set) var version = 0

    /// The `i`-th oldest kept return (`0 ≤ i < count`).
    subscript(i: Int) -> Double { values[slot(i)] }

    /// The storage slot of the `i`-th oldest return.
    private func slot(_ i: Int) -> Int {
        let j = start + i
        return j < values.count ? j : j - values.count
    }

    /// Appends a return, at `time` (times must not decrease; `Int64.max`: untimed).
    mutating func append(_ value: Double, at time: Int64 = .max) {
        version += 1
        if values.count < capacity {
            values.append(value)
            times.append(time)
        } else {
            values[start] = value
            times[start] = time
            start = (start + 1) % capacity
        }
    }

    /// How many of the newest returns are later than `time`.
    private func count(after time: Int64) -> Int {
        var k = 0
        while k < count, times[slot(count - 1 - k)] > time { k += 1 }
        return k
    }

    /// Pearson correlation of the most recent common returns, `nil` with fewer than
    /// `minObservations` (at least 2) or a constant series. The two series are aligned on the
    /// later's newest return no later than the other's newest (returns of the same bar times pair
    /// up even when one instrument's bar was seen first), then the last `n` of each are paired.
    func correlation(with other: ReturnWindow, minObservations: Int) -> Double? {
        guard count > 0, other.count > 0 else { return nil }
        let end = min(times[slot(count - 1)], other.times[other.slot(other.count - 1)])
        let (mine, theirs) = (count - count(after: end), other.count - other.count(after: end))
        let n = min(mine, theirs)
        guard n >= max(minObservations, 2) else { return nil }
        let a = mine - n
        let b = theirs - n
        var meanX = 0.0
        var meanY = 0.0
        for i in 0..<n {
            meanX += self[a + i]
            meanY += other[b + i]
        }
        meanX /= Double(n)
        meanY /= Double(n)
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for i in 0..<n {
            let dx = self[a + i] - meanX
            let dy = other[b + i] - meanY
            sxy += dx * dy
            sxx += dx * dx
            syy += dy * dy
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }
}
