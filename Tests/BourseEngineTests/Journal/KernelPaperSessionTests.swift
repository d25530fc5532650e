import BourseCore
import BourseExecution
import BourseRisk
import BourseTestKit
import OrderedCollections
import Testing

@testable import BourseEngine

/// A paper session on the kernel (any ``Strategy``): journaled bar by bar, the journal's state
/// equals the kernel's, and a restart after a crash at any record ends as an uninterrupted run.
@Suite struct KernelPaperSessionTests {
    typealias Session = KernelPaperSession<Scripted, PassThroughRiskEngine>

    /// The scripted strategy of ``KernelJournalTests`` (market and limit orders, a cancel, a refused
    /// short sale) on GOOG in a cash account, journaled to `journal`.
    static func session(_ journal: InMemoryEventJournal, config: BacktestConfig? = nil) throws -> Session {
        try Session(
            strategy: KernelJournalTests.strategy(), risk: PassThroughRiskEngine(),
            setup: PaperSessionSetup(
                config: try config ?? KernelJournalTests.cashConfig(), journal: journal, snapshots: InMemorySnapshotStore(), actor: "test",
                description: "scripted"))
    }

    @Test func theJournalsStateFollowsTheKernelBarByBar() throws {
        let journal = InMemoryEventJournal()
        let session = try Self.session(journal)
        var limit = 0
        while limit < 400 {
            limit += 7
            try session.run(limit: limit)
            let rebuilt = try JournalReplay.state(of: journal)
            #expect(rebuilt == session.state, "after \(limit) bars")
            let goog = session.kernel.portfolio.instruments[0].id
            #expect(rebuilt.signedPosition(goog) == session.kernel.portfolio.positions[0].signedQuantityRaw, "after \(limit) bars")
            #expect(rebuilt.account.balances.values.first?.total == session.kernel.portfolio.cash, "after \(limit) bars")
            for order in session.kernel.oms.orders.values {
                #expect(rebuilt.orders[order.clientOrderID] == order, "order \(order.clientOrderID)")
            }
        }
        #expect(session.eventsProcessed == limit)
        #expect(session.state.fillCount > 10)
    }

    /// The same records as the journaled backtest of the same strategy (apart from the opening records).
    @Test func aSessionJournalsWhatTheBacktestKernelDoes() throws {
        let paper = InMemoryEventJournal()
        try Self.session(paper).run()
        let backtest = InMemoryEventJournal()
        let config = try KernelJournalTests.cashConfig()
        let kernel = try Backtest.makeKernel(strategy: KernelJournalTests.strategy(), risk: PassThroughRiskEngine(), config: config)
        try BacktestJournal(journal: backtest, recordsMarketData: true).attach(to: kernel, config: config)
        try kernel.run()
        let trading = { (records: [JournalRecord]) in Array(records.map(\.entry).filter { !PaperSession.isPerProcessRecord($0) }) }
        #expect(trading(try paper.records()) == trading(try backtest.records()))
    }

    /// A crash at any record (the unsynced tail lost): the restart re-runs against the journal,
    /// journals what was lost, and the journal then holds every order and fill once, as the
    /// uninterrupted run's does.
    @Test(arguments: [UInt64(11), 12])
    func restartAfterALostTailReproducesTheUninterruptedRun(seed: UInt64) throws {
        let reference = InMemoryEventJournal()
        let uninterrupted = try Self.session(reference)
        let expected = try uninterrupted.run()
        let all = try reference.records()
        var rng = SplitMix64(seed: seed)
        for _ in 0..<6 {
            let crashAt = Int.random(in: 1..<all.count, using: &rng)
            let survivor = try InMemoryEventJournal(copying: all.prefix(crashAt))
            let restarted = try Self.session(survivor)
            let final = try restarted.run()
            #expect(PaperSessionTests.trading(try survivor.records()) == PaperSessionTests.trading(all), "crash at record \(crashAt)")
            #expect(final.orders == expected.orders && final.positions == expected.positions && final.account == expected.account)
            #expect(restarted.kernel.portfolio.cash == uninterrupted.kernel.portfolio.cash)
            #expect(restarted.recovery?.reconciled == true)
        }
    }

    /// The scripted strategy is no ``RestorableStrategy``: no snapshot is taken, a restart re-runs from the first bar.
    @Test func aStrategyThatCannotRestoreGetsNoSnapshot() throws {
        let journal = InMemoryEventJournal()
        let snapshots = InMemorySnapshotStore()
        let session = try Session(
            strategy: KernelJournalTests.strategy(), risk: PassThroughRiskEngine(),
            setup: PaperSessionSetup(
                config: try KernelJournalTests.cashConfig(), journal: journal, snapshots: snapshots, snapshotEvery: 10, actor: "test",
                description: "scripted"))
        try session.run(limit: 200)
        #expect(snapshots.snapshots.isEmpty)
        let restarted = try Session(
            strategy: KernelJournalTests.strategy(), risk: PassThroughRiskEngine(),
            setup: PaperSessionSetup(
                config: try KernelJournalTests.cashConfig(), journal: journal, snapshots: snapshots, actor: "test", description: "scripted"))
        try restarted.run()
        #expect(restarted.recovery?.resumedAtBar == nil && restarted.eventsRun == restarted.eventsProcessed)
    }

    @Test func changedInputIsADivergenceNotASilentRewrite() throws {
        let journal = InMemoryEventJournal()
        try Self.session(journal).run(limit: 300)
        var other = try KernelJournalTests.cashConfig()
        other.commissionRate = try Rate(parsing: "0.01")
        let before = journal.lastSequence
        #expect {
            try Self.session(journal, config: other).run()
        } throws: { error in
            guard case JournalError.divergence = error else { return false }
            return true
        }
        #expect(journal.lastSequence == before, "nothing journaled after the divergence")
    }
}
