import BourseData
import BourseEngine
import BourseStrategies
import Testing

@Suite struct SweepTests {
    @Test func gridRunsEveryCombinationRankedAndMatchesSingleRuns() async throws {
        let config = try BuiltInStrategyTests.googConfig()
        let entry = try StrategyCatalog.named("sma-cross")
        let rows = await Sweep.grid(entry, grid: [("fast", ["5", "10", "30"]), ("slow", ["20", "50"])], config: config)
        #expect(rows.count == 6)
        // fast=30 slow=20 is invalid: reported, ranked last.
        #expect(rows.last?.parameters == ["fast=30", "slow=20"])
        #expect(rows.last?.error?.contains("must be below") == true)
        let sharpes = rows.dropLast().compactMap(\.metrics.sharpeRatio)
        #expect(sharpes == sharpes.sorted(by: >))
        // Each row is the same as a single run of its parameters.
        let best = try #require(rows.first)
        let single = try entry.run(best.parameters, config)
        #expect(single.metrics == best.metrics)
    }

    @Test func randomSampleIsSeededAndWithoutReplacement() async throws {
        let config = try BuiltInStrategyTests.googConfig()
        let entry = try StrategyCatalog.named("ema-cross")
        let grid = [("fast", ["5", "8", "12"]), ("slow", ["26", "40"])]
        let a = await Sweep.random(entry, grid: grid, count: 4, seed: 7, config: config)
        let b = await Sweep.random(entry, grid: grid, count: 4, seed: 7, config: config)
        #expect(a == b)
        #expect(Set(a.map(\.parameters)).count == 4)
    }

    /// Workers run on copies of the data: the rows do not depend on how many run at a time, and a
    /// copy holds the same bars in buffers of its own.
    @Test func parallelRowsEqualSequentialRowsAndCopiesOwnTheirStorage() async throws {
        let config = try BuiltInStrategyTests.googConfig()
        let entry = try StrategyCatalog.named("sma-cross")
        let grid = [("fast", ["5", "10"]), ("slow", ["20", "30", "50"])]
        let one = await Sweep.grid(entry, grid: grid, config: config, parallelism: 1)
        let two = await Sweep.grid(entry, grid: grid, config: config, parallelism: 2)
        #expect(one == two)
        let copy = config.copyingStorage().bars[0]
        #expect(copy == config.bars[0])
        let shared = copy.closes.withUnsafeBufferPointer { a in config.bars[0].closes.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
        #expect(!shared)
    }
}
