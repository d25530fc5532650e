import BourseCore
import BourseRisk
import BourseTestKit
import Testing

@testable import BourseEngine

/// A kernel run in steps (`start()`, `step(events:)` / `run(until:)`, `finish()`) writes the same
/// journal and ends in the same state as one uninterrupted `run()`.
@Suite struct KernelSteppingTests {
    typealias ScriptedKernel = Kernel<Scripted, PassThroughRiskEngine, BacktestSimulatedVenue>

    /// The scripted strategy of ``KernelJournalTests`` on GOOG (cash account), journaled with market data marks.
    static func kernel(_ journal: InMemoryEventJournal) throws -> ScriptedKernel {
        let config = try KernelJournalTests.cashConfig()
        let kernel = try Backtest.makeKernel(strategy: KernelJournalTests.strategy(), risk: PassThroughRiskEngine(), config: config)
        try BacktestJournal(journal: journal, recordsMarketData: true).attach(to: kernel, config: config)
        return kernel
    }

    static func uninterrupted() throws -> (records: [JournalRecord], kernel: ScriptedKernel) {
        let journal = InMemoryEventJournal()
        let kernel = try kernel(journal)
        try kernel.run()
        return (try journal.records(), kernel)
    }

    static func expectSameRun(_ kernel: ScriptedKernel, _ records: [JournalRecord], as reference: (records: [JournalRecord], kernel: ScriptedKernel)) {
        #expect(records == reference.records)
        #expect(kernel.portfolio.cash == reference.kernel.portfolio.cash)
        #expect(kernel.portfolio.positions == reference.kernel.portfolio.positions)
        #expect(kernel.fills == reference.kernel.fills)
        #expect(kernel.trades == reference.kernel.trades)
        #expect(kernel.portfolio.curve.count == reference.kernel.portfolio.curve.count)
        #expect(kernel.portfolio.equity == reference.kernel.portfolio.equity)
    }

    /// Steps of random sizes (1 to 40 events), seeded.
    @Test(arguments: [UInt64(1), 99, 2024])
    func stepsOfAnySizeWriteTheUninterruptedJournal(seed: UInt64) throws {
        let reference = try Self.uninterrupted()
        #expect(reference.records.count > 100 && reference.kernel.fills.count > 5)
        let journal = InMemoryEventJournal()
        let kernel = try Self.kernel(journal)
        var random = SplitMix64(seed: seed)
        try kernel.start()
        var processed = 0
        while true {
            let size = Int.random(in: 1...40, using: &random)
            let done = try kernel.step(events: size)
            processed += done
            if done < size { break }
        }
        #expect(try kernel.step(events: 1) == 0, "seed \(seed)")
        try kernel.finish()
        let bars = reference.records.filter { if case .marketData = $0.entry { true } else { false } }.count
        #expect(processed == bars && bars > 100, "seed \(seed)")
        Self.expectSameRun(kernel, try journal.records(), as: reference)
    }

    /// Stepping by time: every event up to each day's close, one day at a time.
    @Test func runUntilATimeProcessesEveryEventUpToIt() throws {
        let reference = try Self.uninterrupted()
        let journal = InMemoryEventJournal()
        let kernel = try Self.kernel(journal)
        try kernel.start()
        var steps = 0
        while let next = kernel.nextEventTime {
            #expect(try kernel.run(until: next) >= 1)
            if let after = kernel.nextEventTime { #expect(after > next) }
            steps += 1
        }
        try kernel.finish()
        #expect(steps > 100)
        Self.expectSameRun(kernel, try journal.records(), as: reference)
    }

    @Test func stepsOutOfOrderAreRefused() throws {
        let kernel = try Self.kernel(InMemoryEventJournal())
        #expect(throws: EngineError.self) { try kernel.step(events: 1) }
        #expect(throws: EngineError.self) { try kernel.finish() }
        try kernel.start()
        #expect(throws: EngineError.self) { try kernel.start() }
        try kernel.finish()
        #expect(throws: EngineError.self) { try kernel.step(events: 1) }
        #expect(throws: EngineError.self) { try kernel.run() }
    }
}
