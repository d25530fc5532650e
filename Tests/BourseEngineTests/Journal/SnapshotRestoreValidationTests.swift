import BourseCore
import BourseExecution
import BourseTestKit
import OrderedCollections
import Testing

@testable import BourseEngine

/// A snapshot is input: values no running session can produce are refused at restore with a
/// typed error that changes nothing, instead of trapping later.
@Suite struct SnapshotRestoreValidationTests {
    let configuration: PaperSessionConfiguration
    let journal = InMemoryEventJournal()
    let snapshots = InMemorySnapshotStore()
    /// The first snapshot whose venue has working orders and cash locked for them.
    let snapshot: Snapshot
    let part: PaperSessionSnapshot

    init() throws {
        configuration = try JournalFixtures.configuration(bars: try JournalFixtures.bars(count: 90, seed: 8), snapshotEvery: 1)
        try PaperSession(configuration: configuration, journal: journal, snapshots: snapshots).run()
        var found: (Snapshot, PaperSessionSnapshot)?
        for snapshot in snapshots.snapshots {
            let part = try PaperSessionSnapshot(bytes: snapshot.session)
            if !part.venue.orders.isEmpty && !part.venue.locks.isEmpty {
                found = (snapshot, part)
                break
            }
        }
        (snapshot, part) = try #require(found, "some snapshot has open venue orders and locks")
    }

    func freshVenue(startingBalances: [Money]? = nil) throws -> PaperSession.Venue {
        try PaperSession.Venue(
            configuration: SimulatedVenueConfiguration(
                venue: JournalFixtures.instrument.id.venue, accountID: JournalFixtures.accountID,
                startingBalances: startingBalances ?? [configuration.startingCash]),
            instruments: [JournalFixtures.instrument], clock: TestClock(now: JournalFixtures.t0))
    }

    /// Restoring `state` throws and leaves the fresh venue as it was.
    func expectRefused(_ state: SimulatedVenueState, _ what: Comment, venue: PaperSession.Venue? = nil) throws {
        let fresh = try venue ?? freshVenue()
        let before = fresh.savedState()
        let account = fresh.account
        #expect(throws: SimulatedVenueStateError.self, what) { try fresh.restore(state) }
        #expect(fresh.savedState() == before && fresh.account == account, "nothing changed: \(what)")
    }

    @Test func theUntamperedStateRestores() throws {
        let fresh = try freshVenue()
        try fresh.restore(part.venue)
        #expect(fresh.savedState() == part.venue)
    }

    @Test func impossibleOrderAndBookValuesAreRefused() throws {
        let state = part.venue
        var tampered = state
        tampered.books[0].positionRaw = .min
        try expectRefused(tampered, "a position of Int64.min")
        tampered = state
        tampered.orders[0].filledRaw = state.orders[0].quantityRaw + 1
        try expectRefused(tampered, "filled above the quantity")
        tampered = state
        tampered.orders[0].filledRaw = -1
        try expectRefused(tampered, "a negative filled quantity")
        tampered = state
        tampered.orders[0].quantityRaw = 0
        try expectRefused(tampered, "a zero quantity")
        tampered = state
        tampered.orders[0].sequence = state.venueOrderCount + 1
        try expectRefused(tampered, "an arrival number past the id counter")
        tampered = state
        tampered.books[0].active += tampered.books[0].active
        try expectRefused(tampered, "an active order named twice")
        tampered = state
        let active = try #require(state.books[0].active.first)
        tampered.orders[active].phase = .held
        try expectRefused(tampered, "a held order among the active ones")
    }

    @Test func zeroBalancesAreKeptAndAccountMismatchesRefused() throws {
        var withZero = part.venue
        withZero.balances.append(Money(uncheckedRaw: 0, currency: .EUR))
        let fresh = try freshVenue()
        try fresh.restore(withZero)
        #expect(fresh.savedState() == withZero, "a zero balance is restored")
        var noAccount = part.venue
        noAccount.balances = []
        noAccount.locks = []
        try expectRefused(noAccount, "this venue keeps an account and the saved one does not")
        try expectRefused(part.venue, "the saved venue keeps an account and this one does not", venue: try freshVenue(startingBalances: []))
        var negative = part.venue
        negative.balances.append(Money(uncheckedRaw: -1, currency: .EUR))
        try expectRefused(negative, "a negative balance")
    }

    /// A snapshot whose order was sent at a bar outside 0…nextBarIndex is refused at the restart.
    @Test func aSentAtOutsideTheSessionsBarsIsRefused() throws {
        for bar in [nil, Int64.min, -1, Int64(part.nextBarIndex) + 1] {
            var tampered = part
            if let bar { tampered.sentAt[try ClientOrderID("P-999")] = bar }
            let store = InMemorySnapshotStore()
            try store.save(Snapshot(sequence: snapshot.sequence, timestamp: snapshot.timestamp, bytes: snapshot.bytes, session: tampered.encoded()))
            let survivor = InMemoryEventJournal()
            for record in try journal.records().prefix(Int(snapshot.sequence)) {
                try survivor.append(record.entry, timestamp: record.timestamp, correlationID: record.correlationID)
            }
            guard let bar else {
                _ = try PaperSession(configuration: configuration, journal: survivor, snapshots: store)  // the untampered one restores
                continue
            }
            #expect(throws: JournalError.self, "sent at bar \(bar)") {
                try PaperSession(configuration: configuration, journal: survivor, snapshots: store)
            }
        }
    }

    /// Closes as large as a price can be: the moving-average sums do not overflow.
    @Test func hugeClosesDoNotOverflowTheStrategysSums() throws {
        var strategy = configuration.strategy
        let barType = BarType(instrumentID: JournalFixtures.instrument.id, spec: .oneMinute)
        let top = Price(uncheckedRaw: .max, precision: 2)
        var decisions: [PaperStrategy.Decision] = [.cancel(try ClientOrderID("none"))]
        for n in 0..<strategy.slow {
            let bar = Bar(
                unchecked: barType, open: top, high: top, low: top, close: top, volume: Quantity(uncheckedRaw: 1, precision: 0),
                tsEvent: JournalFixtures.t0 + .seconds(Int64(60 * (n + 1))), tsInit: JournalFixtures.t0)
            decisions = strategy.decide(bar: bar, barIndex: Int64(n), position: 0, working: [])
        }
        #expect(decisions.isEmpty, "equal averages: not bullish, nothing to sell")
    }
}
