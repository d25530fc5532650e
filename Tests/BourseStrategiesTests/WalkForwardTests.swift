import BourseCore
import BourseData
import BourseEngine
import BourseStrategies
import Foundation
import Testing

@Suite struct WalkForwardTests {
    /// Windows by hand: 10 bars, 4 in sample, 2 out of sample.
    @Test func rollingAndAnchoredWindows() {
        let rolling = WalkForward.windows(count: 10, inSample: 4, outOfSample: 2, mode: .rolling)
        #expect(rolling.map { "\($0.0) \($0.1)" } == ["0..<4 4..<6", "2..<6 6..<8", "4..<8 8..<10"])
        let anchored = WalkForward.windows(count: 11, inSample: 4, outOfSample: 3, mode: .anchored)
        #expect(anchored.map { "\($0.0) \($0.1)" } == ["0..<4 4..<7", "0..<7 7..<10", "0..<10 10..<11"])
        #expect(WalkForward.windows(count: 4, inSample: 4, outOfSample: 2, mode: .rolling).isEmpty)
    }

    /// On GOOG: each window's parameters are the in-sample sweep's best, its out-of-sample result
    /// is a plain backtest of those parameters on the out-of-sample range, and the stitched return
    /// compounds the windows' returns.
    @Test(arguments: [WalkForward.Mode.rolling, .anchored])
    func eachWindowIsTheInSampleBestRunOutOfSample(mode: WalkForward.Mode) async throws {
        let config = try BuiltInStrategyTests.googConfig()
        let entry = try StrategyCatalog.named("sma-cross")
        let grid = [("fast", ["5", "10"]), ("slow", ["20", "50"])]
        let report = try await WalkForward.run(entry, grid: grid, config: config, inSample: 600, outOfSample: 400, mode: mode)
        let timeline = config.bars[0].timestamps
        // 2,148 bars: out-of-sample ranges 600..<1000, 1000..<1400, 1400..<1800, 1800..<2148.
        #expect(report.windows.count == 4)
        #expect(report.windows.last?.outOfSampleStart == UnixNanos(timeline[1800]).description)
        #expect(report.windows.last?.outOfSampleEnd == UnixNanos(timeline[2147]).description)
        var growth = 1.0
        for (k, window) in report.windows.enumerated() {
            let trainStart = mode == .rolling ? 400 * k : 0
            var train = config
            train.start = UnixNanos(timeline[trainStart])
            train.end = UnixNanos(timeline[600 + 400 * k - 1])
            let best = try #require(await Sweep.grid(entry, grid: grid, config: train).first)
            #expect(window.parameters == best.parameters)
            #expect(window.inSampleStart == UnixNanos(timeline[trainStart]).description)
            var test = config
            test.start = UnixNanos(timeline[600 + 400 * k])
            test.end = UnixNanos(timeline[min(1000 + 400 * k, 2148) - 1])
            let single = try entry.run(window.parameters, test)
            #expect(window.outOfSample == single.metrics)
            #expect(window.outOfSampleFinalEquity == single.finalEquity)
            growth *= (Double(single.finalEquity) ?? .nan) / 10_000
        }
        #expect(abs(report.stitched.totalReturn - (growth - 1)) < 1e-12)
        #expect(abs(report.stitchedFinalEquity - 10_000 * growth) < 1e-6)
        #expect(report.stitched.bars == 2148 - 600)
        #expect(report.stitched.numberOfTrades == report.windows.compactMap(\.outOfSample?.numberOfTrades).reduce(0, +))
    }

    @Test func tooFewBarsIsAClearError() async throws {
        let config = try BuiltInStrategyTests.googConfig()
        await #expect(throws: EngineError.self) {
            try await WalkForward.run(StrategyCatalog.named("sma-cross"), grid: [("fast", ["5"])], config: config, inSample: 3000, outOfSample: 10)
        }
    }
}
