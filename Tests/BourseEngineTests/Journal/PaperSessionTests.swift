import BourseCore
import BourseEngine
import BourseExecution
import BourseTestKit
import OrderedCollections
import Testing

@testable import BourseEngine

@Suite struct PaperSessionTests {
    /// The state rebuilt from the journal equals the live state (session state, order manager,
    /// venue) after every bar, for random data and strategy parameters.
    @Test(arguments: [(UInt64(1), 2, 5), (7, 3, 8), (42, 4, 12), (2024, 5, 20)])
    func stateRebuiltFromTheJournalEqualsTheLiveState(seed: UInt64, fast: Int, slow: Int) throws {
        let bars = try JournalFixtures.bars(count: 150, seed: seed)
        let journal = InMemoryEventJournal()
        let session = try PaperSession(
            configuration: try JournalFixtures.configuration(bars: bars, fast: fast, slow: slow), journal: journal,
            snapshots: InMemorySnapshotStore())
        for limit in 1...bars.count {
            try session.run(limit: limit)
            var rebuilt = try JournalState(
                instruments: [JournalFixtures.instrument], accountID: JournalFixtures.accountID,
                startingBalances: [session.configuration.startingCash])
            try journal.forEach(after: 0) { record throws(JournalError) in try rebuilt.apply(record) }
            #expect(rebuilt == session.state, "seed \(seed), bar \(limit - 1)")
            #expect(session.reconciliationIssues().isEmpty, "seed \(seed), bar \(limit - 1): \(session.reconciliationIssues())")
            for order in session.orderManager.orders.values {
                #expect(rebuilt.orders[order.clientOrderID] == order, "seed \(seed), order \(order.clientOrderID)")
            }
        }
        #expect(session.state.fillCount > 4, "the scenario trades (seed \(seed))")
    }

    @Test func snapshotRoundTrip() throws {
        let bars = try JournalFixtures.bars(count: 120, seed: 3)
        let session = try PaperSession(
            configuration: try JournalFixtures.configuration(bars: bars), journal: InMemoryEventJournal(),
            snapshots: InMemorySnapshotStore())
        let state = try session.run()
        let snapshot = Snapshot(sequence: state.lastSequence, timestamp: JournalFixtures.t0, bytes: state.encoded())
        let decoded = try JournalState(snapshot: snapshot, instruments: [JournalFixtures.instrument], accountID: JournalFixtures.accountID)
        #expect(decoded == state)
        var bad = snapshot.bytes
        bad[0] = 9
        #expect(throws: JournalError.self) {
            try JournalState(
                snapshot: Snapshot(sequence: snapshot.sequence, timestamp: snapshot.timestamp, bytes: bad),
                instruments: [JournalFixtures.instrument], accountID: JournalFixtures.accountID)
        }
    }

    /// A crash at any record (the unsynced tail lost) is recovered: the final journal holds the
    /// same orders and fills, once each, and ends in the same state as an uninterrupted run.
    @Test(arguments: [UInt64(11), 12, 13])
    func restartAfterALostTailReproducesTheUninterruptedRun(seed: UInt64) throws {
        let bars = try JournalFixtures.bars(count: 200, seed: seed)
        let configuration = try JournalFixtures.configuration(bars: bars)
        let reference = InMemoryEventJournal()
        let referenceSnapshots = InMemorySnapshotStore()
        let expected = try PaperSession(configuration: configuration, journal: reference, snapshots: referenceSnapshots).run()
        #expect(referenceSnapshots.snapshots.count >= 4)
        let all = try reference.records()
        var rng = SplitMix64(seed: seed)
        for _ in 0..<12 {
            let crashAt = Int.random(in: 1..<all.count, using: &rng)
            // What survived the crash: the records up to `crashAt`, and the snapshots taken before it.
            let survivor = try InMemoryEventJournal(copying: all.prefix(crashAt))
            let keptSnapshots = InMemorySnapshotStore()
            for snapshot in referenceSnapshots.snapshots where snapshot.sequence <= crashAt { try keptSnapshots.save(snapshot) }
            let restarted = try PaperSession(configuration: configuration, journal: survivor, snapshots: keptSnapshots)
            let final = try restarted.run()
            #expect(Self.trading(try survivor.records()) == Self.trading(all), "crash at record \(crashAt)")
            #expect(final.orders == expected.orders && final.positions == expected.positions && final.account == expected.account)
            #expect(restarted.recovery?.reconciled == true)
        }
    }

    @Test func changedInputIsADivergenceNotASilentRewrite() throws {
        let journal = InMemoryEventJournal()
        try PaperSession(
            configuration: try JournalFixtures.configuration(bars: try JournalFixtures.bars(count: 80, seed: 5)), journal: journal,
            snapshots: InMemorySnapshotStore()
        ).run()
        let other = try JournalFixtures.configuration(bars: try JournalFixtures.bars(count: 80, seed: 6))
        #expect {
            try PaperSession(configuration: other, journal: journal, snapshots: InMemorySnapshotStore()).run()
        } throws: { error in
            guard case JournalError.divergence = error else { return false }
            return true
        }
    }

    /// The records a re-run reproduces (everything but the per-process start and recovery notes).
    static func trading(_ records: [JournalRecord]) -> [JournalEntry] {
        records.map(\.entry).filter { !PaperSession.isPerProcessRecord($0) }
    }
}
