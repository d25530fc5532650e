import BourseCore
import BourseIndicators
import Testing

/// An indicator restored from its saved state goes on exactly (bit for bit) as the original.
@Suite struct RestorableIndicatorTests {
    /// Seeded pseudo-random prices around 100.
    static func prices(_ count: Int, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return 100 + Double(state >> 40) / Double(1 << 24) * 10
        }
    }

    @Test(arguments: [(3, 0), (3, 2), (3, 3), (10, 57), (20, 200)])
    func anSMARestoredAtAnyPointContinuesAsTheOriginal(period: Int, savedAt: Int) throws {
        let input = Self.prices(300, seed: UInt64(period * 1000 + savedAt))
        var original = try SMA(period: period)
        for x in input.prefix(savedAt) { original.update(x) }
        var restored = try SMA(period: period)
        restored.update(42)  // state it had before is replaced
        try restored.restore(savedState: original.savedState)
        #expect(restored.isReady == original.isReady)
        for x in input.dropFirst(savedAt) {
            original.update(x)
            restored.update(x)
            #expect(restored.value.bitPattern == original.value.bitPattern, "period \(period), saved at \(savedAt)")
        }
    }

    @Test func statesThatAreNoSMAStateAreRefused() throws {
        var sma = try SMA(period: 3)
        #expect(throws: IndicatorError.self) { try sma.restore(savedState: [1]) }
        #expect(throws: IndicatorError.self) { try sma.restore(savedState: [1, 2, 3, 4, 5, 6]) }
        #expect(throws: IndicatorError.self) { try sma.restore(savedState: [.nan, 2, 3]) }
        #expect(throws: IndicatorError.self) { try sma.restore(savedState: [1, 2, .infinity]) }
        try sma.restore(savedState: [6, .nan, 1, 2, 3])
        #expect(sma.isReady)
    }
}
