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

    /// The operator's desk: what the session's poll answers.
    final class Desk {
        var instruction: KillSwitchInstruction?
    }

    static func session(_ journal: InMemoryEventJournal, desk: Desk) throws -> Session {
        try Session(
            strategy: KernelJournalTests.strategy(), risk: PassThroughRiskEngine(),
            setup: PaperSessionSetup(
                config: try KernelJournalTests.cashConfig(), journal: journal, snapshots: InMemorySnapshotStore(), actor: "test",
                description: "scripted", killSwitchInstructions: { desk.instruction }))
    }

    /// A trip polled from outside stops new orders from the next bar (journaled first, then carried
    /// out), a reset resumes them; a restart's re-run trips and resets at the same bars.
    @Test func killSwitchInstructionsReachTheRunningSessionAndSurviveARestart() throws {
        let journal = InMemoryEventJournal()
        let desk = Desk()
        let session = try Self.session(journal, desk: desk)
        try session.run(limit: 150)
        desk.instruction = .trip(operatorName: "ops", reason: "halt")
        try session.run(limit: 300)
        #expect(session.kernel.killSwitch.state == .triggered(.manual))
        desk.instruction = .reset(operatorName: "ops", reason: "resume")
        try session.run()
        #expect(session.kernel.killSwitch.state == .active)
        let all = try journal.records()
        let instructions = all.indices.filter { KillSwitchInstruction(all[$0].entry) != nil }
        try #require(instructions.count == 2)
        let (trip, reset) = (instructions[0], instructions[1])
        #expect(KillSwitchInstruction(all[trip].entry) == .trip(operatorName: "ops", reason: "halt"))
        let buys = all.indices.filter { if case .command(.submit(let c)) = all[$0].entry { c.order.side == .buy } else { false } }
        #expect(buys.contains { $0 < trip } && buys.contains { $0 > reset })
        #expect(!buys.contains { $0 > trip && $0 < reset }, "no buy sent while tripped (sells reduce the position: allowed)")
        #expect(all[trip..<reset].contains { if case .event(.denied) = $0.entry { true } else { false } })

        for crashAt in [trip + 1, (trip + reset) / 2, reset + 1, all.count - 3] {
            let restarted = try Self.session(try InMemoryEventJournal(copying: all.prefix(crashAt)), desk: Desk())
            try restarted.run(limit: 150)
            #expect(restarted.kernel.killSwitch.state == .active, "crash at record \(crashAt): not tripped before bar 150")
            try restarted.run()
            let survivor = try restarted.recorder.journal.records()
            #expect(Array(PaperSessionTests.trading(survivor).prefix(crashAt - 2)) == Array(PaperSessionTests.trading(all).prefix(crashAt - 2)))
            if crashAt > reset {
                #expect(PaperSessionTests.trading(survivor) == PaperSessionTests.trading(all), "crash at record \(crashAt)")
            } else {
                #expect(restarted.kernel.killSwitch.state == .triggered(.manual), "crash at record \(crashAt): the trip is replayed")
            }
        }
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
