import BourseCore
import BourseEngine
import BourseStrategies
import Foundation
import Testing

/// sma-cross paper-traded on the kernel: a restart after a crash resumes at the latest snapshot
/// (venue, strategy and its moving averages restored) and ends exactly as the uninterrupted run.
@Suite struct PaperSessionRestoreTests {
    typealias Session = KernelPaperSession<SMACross, PassThroughRiskEngine>

    static func session(_ journal: InMemoryEventJournal, _ snapshots: InMemorySnapshotStore, fast: Int = 3) throws -> Session {
        var config = try BuiltInStrategyTests.googConfig()
        config.accountKind = .cash
        return try Session(
            strategy: SMACross(parameters: ParameterValues(SMACross.parameters, overrides: ["fast=\(fast)", "slow=8"])),
            risk: PassThroughRiskEngine(),
            setup: PaperSessionSetup(
                config: config, journal: journal, snapshots: snapshots, snapshotEvery: 40, actor: "test",
                description: "sma-cross fast=\(fast) slow=8"))
    }

    static func trading(_ records: [JournalRecord]) -> [JournalEntry] {
        records.map(\.entry).filter { !PaperSession.isPerProcessRecord($0) }
    }

    @Test(arguments: [UInt64(5), 6])
    func aRestartResumesAtTheLatestSnapshotAndEndsAsTheUninterruptedRun(seed: UInt64) throws {
        let reference = InMemoryEventJournal()
        let referenceSnapshots = InMemorySnapshotStore()
        let uninterrupted = try Self.session(reference, referenceSnapshots)
        let expected = try uninterrupted.run()
        let all = try reference.records()
        #expect(referenceSnapshots.snapshots.count > 20 && referenceSnapshots.snapshots.allSatisfy { !$0.session.isEmpty })
        var state = seed
        var resumed = 0
        for _ in 0..<8 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let crashAt = Int(state >> 33) % (all.count - 1) + 1
            let survivor = try InMemoryEventJournal(copying: all.prefix(crashAt))
            let kept = InMemorySnapshotStore()
            for snapshot in referenceSnapshots.snapshots where snapshot.sequence <= crashAt { try kept.save(snapshot) }
            let restarted = try Self.session(survivor, kept)
            let final = try restarted.run()
            #expect(Self.trading(try survivor.records()) == Self.trading(all), "crash at record \(crashAt)")
            #expect(final.orders == expected.orders && final.positions == expected.positions && final.account == expected.account)
            #expect(restarted.kernel.portfolio.cash == uninterrupted.kernel.portfolio.cash, "crash at record \(crashAt)")
            #expect(restarted.kernel.portfolio.equity == uninterrupted.kernel.portfolio.equity, "crash at record \(crashAt)")
            #expect(restarted.recovery?.reconciled == true)
            if let bar = restarted.recovery?.resumedAtBar {
                resumed += 1
                #expect(restarted.eventsRun == 2148 - bar, "crash at record \(crashAt): only the bars after the snapshot re-run")
            } else {
                #expect(restarted.eventsRun == 2148)
            }
        }
        #expect(resumed > 0, "no restart resumed from a snapshot")
    }

    @Test func otherParametersAfterASnapshotAreADivergence() throws {
        let journal = InMemoryEventJournal()
        let snapshots = InMemorySnapshotStore()
        try Self.session(journal, snapshots).run(limit: 1_000)
        #expect(!snapshots.snapshots.isEmpty)
        #expect {
            try Self.session(journal, snapshots, fast: 4).run()
        } throws: { error in
            guard case JournalError.divergence = error else { return false }
            return true
        }
    }

    /// A snapshot the journal does not reach (the journal lost records the snapshot saw) is refused, not restored.
    @Test func aSnapshotPastTheJournalsEndIsRefused() throws {
        let journal = InMemoryEventJournal()
        let snapshots = InMemorySnapshotStore()
        try Self.session(journal, snapshots).run(limit: 500)
        let snapshot = try #require(snapshots.snapshots.last)
        let shorter = try InMemoryEventJournal(copying: try journal.records().prefix(Int(snapshot.sequence) - 1))
        #expect(throws: JournalError.self) { try Self.session(shorter, snapshots) }
        var part = snapshot.session
        part[0] = 1  // not a kernel session's part
        let other = InMemorySnapshotStore()
        try other.save(Snapshot(sequence: snapshot.sequence, timestamp: snapshot.timestamp, bytes: snapshot.bytes, session: part))
        #expect(throws: JournalError.self) { try Self.session(journal, other) }
    }

    @Test func theStrategysStateRoundTripsAndBadBytesAreRefused() throws {
        let journal = InMemoryEventJournal()
        let session = try Self.session(journal, InMemorySnapshotStore())
        try session.run(limit: 100)
        let bytes = session.kernel.strategy.savedState()
        #expect(bytes.count > 100)
        var copy = session.kernel.strategy
        try copy.restore(savedState: bytes)
        #expect(copy.savedState() == bytes)
        #expect(throws: JournalCodecError.self) { try copy.restore(savedState: Array(bytes.dropLast())) }
        #expect(throws: JournalCodecError.self) { try copy.restore(savedState: [0]) }
    }
}
