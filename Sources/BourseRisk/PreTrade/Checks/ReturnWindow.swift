/// The last `capacity` returns of one instrument, oldest first, in a ring buffer.
public struct ReturnWindow: Sendable {
    public let capacity: Int
    private var values: [Double] = []
    private var start = 0

    public init(capacity: Int) { self.capacity = max(capacity, 1) }

    public var count: Int { values.count }
    /// How many returns were ever appended: changes with every ``append(_:)``.
    public private(set) var version = 0

    /// The `i`-th oldest kept return (`0 ≤ i < count`).
    subscript(i: Int) -> Double {
        let j = start + i
        return values[j < values.count ? j : j - values.count]
    }

    mutating func append(_ value: Double) {
        version += 1
        if values.count < capacity {
            values.append(value)
        } else {
            values[start] = value
            start = (start + 1) % capacity
        }
    }

    /// Pearson correlation of the most recent common returns (the last `min(count, other.count)`
    /// of each), `nil` with fewer than `minObservations` (at least 2) or a constant series.
    func correlation(with other: ReturnWindow, minObservations: Int) -> Double? {
        let n = min(count, other.count)
        guard n >= max(minObservations, 2) else { return nil }
        let a = count - n
        let b = other.count - n
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
