import BourseCore
import BourseEngine
import BourseExecution
import BourseTestKit
import OrderedCollections
import Testing

@testable import BourseEngine

/// A restart resumes at the latest snapshot: the venue, the strategy and the session's counters
/// come back from it, and only the bars after it are run again.
@Suite struct PaperSessionSnapshotTests {
    /// The bar a snapshot resumes at: the number of bars journaled up to it.
    static func bars(upTo sequence: UInt64, in records: [JournalRecord]) -> Int {
        records.prefix(Int(sequence)).filter { if case .marketData = $0.entry { true } else { false } }.count
    }

    @Test(arguments: [UInt64(21), 22, 23])
    func aRestartAfterASnapshotRunsOnlyTheBarsAfterIt(seed: UInt64) throws {
        let bars = try JournalFixtures.bars(count: 200, seed: seed)
        let configuration = try JournalFixtures.configuration(bars: bars, snapshotEvery: 40)
        let reference = InMemoryEventJournal()
        let referenceSnapshots = InMemorySnapshotStore()
        let expected = try PaperSession(configuration: configuration, journal: reference, snapshots: referenceSnapshots).run()
        let all = try reference.records()
        #expect(referenceSnapshots.snapshots.count == 5)
        var rng = SplitMix64(seed: seed)
        var restoredOpenOrders = false
        for (n, snapshot) in referenceSnapshots.snapshots.enumerated() {
            #expect(!snapshot.session.isEmpty)
            let venue = try PaperSessionSnapshot(bytes: snapshot.session).venue
            restoredOpenOrders = restoredOpenOrders || (!venue.orders.isEmpty && !venue.locks.isEmpty)
            let resumeBar = Self.bars(upTo: snapshot.sequence, in: all)
            #expect(resumeBar == 40 * (n + 1))
            // The crash kept the snapshot and some records after it (up to the next snapshot's).
            let next = n + 1 < referenceSnapshots.snapshots.count ? Int(referenceSnapshots.snapshots[n + 1].sequence) : all.count
            let crashAt = Int.random(in: Int(snapshot.sequence)...next, using: &rng)
            let survivor = try InMemoryEventJournal(copying: all.prefix(crashAt))
            let kept = InMemorySnapshotStore()
            try kept.save(snapshot)
            let restarted = try PaperSession(configuration: configuration, journal: survivor, snapshots: kept)
            #expect(restarted.nextBarIndex == resumeBar)
            #expect(restarted.recovery?.resumedAtBar == resumeBar)
            let final = try restarted.run()
            #expect(restarted.barsRun == bars.count - resumeBar, "seed \(seed): snapshot at bar \(resumeBar - 1)")
            #expect(PaperSessionTests.trading(try survivor.records()) == PaperSessionTests.trading(all), "crash at record \(crashAt)")
            #expect(final.orders == expected.orders && final.positions == expected.positions && final.account == expected.account)
            #expect(restarted.recovery?.reconciled == true)
        }
        #expect(restoredOpenOrders, "seed \(seed): some snapshot restores working venue orders with cash locked for them")
    }

    /// A snapshot without the session's part (taken by an older Bourse) still restores Bourse's
    /// state; the venue and strategy are rebuilt by re-running from the first bar.
    @Test func aSnapshotWithoutTheSessionsPartReRunsFromTheFirstBar() throws {
        let bars = try JournalFixtures.bars(count: 120, seed: 4)
        let configuration = try JournalFixtures.configuration(bars: bars, snapshotEvery: 50)
        let reference = InMemoryEventJournal()
        let referenceSnapshots = InMemorySnapshotStore()
        let expected = try PaperSession(configuration: configuration, journal: reference, snapshots: referenceSnapshots).run()
        let all = try reference.records()
        let saved = try #require(referenceSnapshots.snapshots.last)
        let survivor = InMemoryEventJournal()
        for record in all.prefix(Int(saved.sequence) + 5) {
            try survivor.append(record.entry, timestamp: record.timestamp, correlationID: record.correlationID)
        }
        let old = InMemorySnapshotStore()
        try old.save(Snapshot(sequence: saved.sequence, timestamp: saved.timestamp, bytes: saved.bytes))
        let restarted = try PaperSession(configuration: configuration, journal: survivor, snapshots: old)
        #expect(restarted.recovery?.resumedAtBar == nil)
        let final = try restarted.run()
        #expect(restarted.barsRun == bars.count)
        #expect(final.orders == expected.orders && final.account == expected.account)
    }

    /// A restart at a snapshot re-runs none of the bars before it: a changed input is still caught
    /// there (the snapshot keeps its last bar), even when the journal ends at the snapshot.
    @Test func aChangedInputIsCaughtAtTheSnapshot() throws {
        let bars = try JournalFixtures.bars(count: 100, seed: 5)
        let configuration = try JournalFixtures.configuration(bars: bars, snapshotEvery: 50)
        let journal = InMemoryEventJournal()
        let snapshots = InMemorySnapshotStore()
        try PaperSession(configuration: configuration, journal: journal, snapshots: snapshots).run(limit: 50)
        #expect(snapshots.snapshots.count == 1 && journal.lastSequence == snapshots.snapshots[0].sequence)
        var changed = bars
        changed[49] = try Bar(
            barType: bars[49].barType, open: bars[49].open, high: bars[49].high, low: bars[49].low, close: bars[49].close,
            volume: Quantity(raw: bars[49].volume.raw + 1, precision: bars[49].volume.precision), tsEvent: bars[49].tsEvent)
        var other = configuration
        other.bars = changed
        #expect {
            try PaperSession(configuration: other, journal: journal, snapshots: snapshots)
        } throws: { error in
            guard case JournalError.divergence = error else { return false }
            return true
        }
        #expect(try PaperSession(configuration: configuration, journal: journal, snapshots: snapshots).nextBarIndex == 50)
    }

    /// The session's part of a snapshot decodes to what was saved, and a venue restored from it
    /// saves the same state again; damaged bytes are a clear error.
    @Test func theSessionsPartRoundTrips() throws {
        let bars = try JournalFixtures.bars(count: 90, seed: 8)
        let snapshots = InMemorySnapshotStore()
        let session = try PaperSession(
            configuration: try JournalFixtures.configuration(bars: bars, snapshotEvery: 30), journal: InMemoryEventJournal(),
            snapshots: snapshots)
        try session.run(limit: 60)
        let bytes = try #require(snapshots.snapshots.last?.session)
        let decoded = try PaperSessionSnapshot(bytes: bytes)
        #expect(decoded.encoded() == bytes)
        #expect(decoded.nextBarIndex == 60)
        let venueState = try #require(session.venue.savedState())
        try #require(venueState.venueOrderCount > 0, "the scenario has traded by bar 60")
        #expect(decoded.venue == venueState)
        let fresh = try PaperSession.Venue(
            configuration: SimulatedVenueConfiguration(
                venue: JournalFixtures.instrument.id.venue, accountID: JournalFixtures.accountID,
                startingBalances: [session.configuration.startingCash]),
            instruments: [JournalFixtures.instrument], clock: TestClock(now: JournalFixtures.t0))
        try fresh.restore(venueState)
        #expect(fresh.savedState() == venueState)
        #expect(fresh.account == session.venue.account)
        #expect(fresh.positionReports() == session.venue.positionReports())
        #expect(throws: SimulatedVenueStateError.self) { try fresh.restore(venueState) }
        #expect(throws: JournalCodecError.self) { try PaperSessionSnapshot(bytes: Array(bytes.dropLast())) }
        var strategy = session.configuration.strategy
        #expect(throws: JournalCodecError.self) { try strategy.restore(savedState: [9, 1]) }
    }
}
