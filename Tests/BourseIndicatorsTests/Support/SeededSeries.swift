/// Seeded pseudo-random series (splitmix64) for property tests; the seed is printed on failure.
struct SeededGenerator {
    var state: UInt64

    mutating func next() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53)
    }

    /// A positive random walk around 100.
    mutating func walk(_ count: Int) -> [Double] {
        var price = 100.0
        return (0..<count).map { _ in
            price *= 1 + (next() - 0.5) * 0.04
            return price
        }
    }
}

/// `|a − b| ≤ tolerance · max(1, |b|)`.
func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(b))
}
