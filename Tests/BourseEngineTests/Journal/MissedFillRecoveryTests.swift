import BourseCore
import BourseExecution
import BourseTestKit
import OrderedCollections
import Testing

@testable import BourseEngine

/// A venue that outlives Bourse (as a real one does): fills made while the process was down are
/// recovered from the venue's "fills since" answer as the missing events, never by sending again.
@Suite struct MissedFillRecoveryTests {
    typealias Venue = PaperSession.Venue

    let instrument = JournalFixtures.instrument
    let clock = TestClock(now: JournalFixtures.t0)
    let venue: Venue

    init() throws {
        venue = try Venue(
            configuration: SimulatedVenueConfiguration(
                venue: instrument.id.venue, accountID: JournalFixtures.accountID,
                startingBalances: [Money(uncheckedRaw: 10_000_00, currency: .USD)]),
            instruments: [instrument], clock: clock)
    }

    func emptyState() throws -> JournalState {
        try JournalState(
            instruments: [instrument], accountID: JournalFixtures.accountID,
            startingBalances: [Money(uncheckedRaw: 10_000_00, currency: .USD)])
    }

    /// A bar one minute after `clock`'s time, every price at `price`.
    func bar(at price: String) throws -> Bar {
        _ = try clock.advance(to: clock.now + .seconds(60))
        let p = try Price(parsing: price)
        return Bar(
            unchecked: BarType(instrumentID: instrument.id, spec: .oneMinute), open: p, high: p, low: p, close: p,
            volume: try Quantity(parsing: "1000"), tsEvent: clock.now, tsInit: clock.now)
    }

    /// Journals and sends limit buys of 10 at 100 and 90 (signals SIG-1, SIG-2), then crashes.
    /// `state` is the journal's state when it already holds records.
    func sessionBeforeTheCrash(_ journal: any EventJournal, state: JournalState? = nil) throws {
        let recorder = JournalRecorder(journal: journal, clock: clock, state: try state ?? emptyState(), syncsCommands: true)
        let oms = BourseExecution.OrderManager(client: venue)
        for (n, price) in [(1, "100.00"), (2, "90.00")] {
            let order = try OrderInitialized(
                clientOrderID: ClientOrderID("L-\(n)"), strategyID: JournalFixtures.strategyID, instrumentID: instrument.id,
                side: .buy, type: .limit, quantity: Quantity(parsing: "10"), price: Price(parsing: price), tsInit: clock.now)
            recorder.correlate(order.clientOrderID, with: "SIG-\(n)")
            let command = SubmitOrder(order: order, tsInit: clock.now)
            try recorder.record(.submit(command), correlationID: "SIG-\(n)")
            var events: [OrderEvent] = []
            try oms.submit(command, events: &events)
            for event in events { try recorder.record(event) { _ in nil } }
        }
    }

    @Test func fillsMadeWhileDownAreJournaledAsTheMissingEvents() throws {
        let journal = InMemoryEventJournal()
        try sessionBeforeTheCrash(journal)
        let journaledBefore = journal.lastSequence
        // Bourse is down; the venue trades on: L-1 fills at 99, L-2 stays working.
        var lost: [OrderEvent] = []
        venue.process(bar: try bar(at: "99.00"), events: &lost)
        #expect(lost.contains { $0.kind == .filled })

        // Restart: the state from the journal, then the venue's fills since.
        var state = try emptyState()
        try journal.forEach(after: 0) { record throws(JournalError) in try state.apply(record) }
        let recorder = JournalRecorder(journal: journal, clock: clock, state: state, syncsCommands: true)
        try recorder.restoreCorrelations()
        #expect(recorder.reconciliationIssues(venue: venue).isEmpty == false, "before recovery the journal is behind")
        #expect(try recorder.recordMissedEvents(from: venue) == 1)
        #expect(try recorder.recordMissedEvents(from: venue) == 0, "a fill is recovered once")

        let added = try journal.records(after: journaledBefore)
        #expect(added.count == 1)
        guard case .event(.filled(let fill)) = added.first?.entry else {
            Issue.record("expected the missed fill, got \(added)")
            return
        }
        let l1 = try ClientOrderID("L-1")
        let price = try Price(parsing: "99.00")
        #expect(fill.clientOrderID == l1 && fill.lastPrice == price)
        #expect(added.first?.correlationID == "SIG-1")
        #expect(recorder.state.orders[l1]?.status == .filled)
        #expect(recorder.state.signedPosition(instrument.id) == 10)
        #expect(recorder.reconciliationIssues(venue: venue).isEmpty, "\(recorder.reconciliationIssues(venue: venue))")
        #expect(!added.contains { if case .command = $0.entry { true } else { false } }, "nothing is sent again")
        let l2 = try ClientOrderID("L-2")
        #expect(venue.openOrderReports().map(\.clientOrderID) == [l2])
    }

    /// A restart learns the open orders' correlation ids from the journal's end, back to the last
    /// record naming each (here 4 of 506 records; it used to read them all), and learns the same
    /// ids a full read gives: the last non-empty one journaled for each.
    @Test func correlationsAreRestoredFromTheJournalsTail() throws {
        let journal = CountingJournal()
        var state = try emptyState()
        for n in 0..<500 {
            try state.apply(try journal.append(
                .marketData(MarketDataMark(instrumentID: instrument.id, index: Int64(n), tsEvent: clock.now)), timestamp: clock.now,
                correlationID: ""))
        }
        try sessionBeforeTheCrash(journal, state: state)
        state = try emptyState()
        try journal.forEach(after: 0) { record throws(JournalError) in try state.apply(record) }
        #expect(journal.lastSequence == 506)
        var lastCorrelation: [ClientOrderID: String] = [:]
        try journal.forEach(after: 0) { record in
            if let id = record.entry.clientOrderID, !record.correlationID.isEmpty { lastCorrelation[id] = record.correlationID }
        }
        let open = state.orders.values.filter { !$0.isClosed }.map(\.clientOrderID)
        #expect(open.map(\.value) == ["L-1", "L-2"])

        let recorder = JournalRecorder(journal: journal, clock: clock, state: state, syncsCommands: true)
        journal.recordsRead = 0
        try recorder.restoreCorrelations()
        #expect(journal.recordsRead == 4, "L-2's three records and L-1's acceptance")
        for id in open { #expect(recorder.correlationID(of: id) == lastCorrelation[id]) }
        #expect(recorder.correlationID(of: try ClientOrderID("L-1")) == "SIG-1")
    }

    @Test func venueAnswersFillsSinceATimeOrATrade() throws {
        let journal = InMemoryEventJournal()
        try sessionBeforeTheCrash(journal)
        var events: [OrderEvent] = []
        let start = clock.now
        venue.process(bar: try bar(at: "99.00"), events: &events)
        let firstFillTime = clock.now
        venue.process(bar: try bar(at: "89.00"), events: &events)
        let all = try #require(venue.fills(since: start, after: nil))
        #expect(all.map(\.clientOrderID.value) == ["L-1", "L-2"])
        #expect(all == events.compactMap { if case .filled(let f) = $0 { f } else { nil } })
        #expect(venue.fills(since: firstFillTime + .seconds(1), after: nil)?.map(\.clientOrderID.value) == ["L-2"])
        #expect(venue.fills(since: start, after: all[0].tradeID) == [all[1]])
        #expect(venue.fills(since: start, after: all[1].tradeID) == [])
        #expect(venue.fills(since: clock.now + .seconds(1), after: nil) == [])
    }

    @Test func aVenueWithoutFillHistoryIsAClearError() throws {
        var configuration = SimulatedVenueConfiguration(venue: instrument.id.venue, accountID: JournalFixtures.accountID)
        configuration.keepsFillHistory = false
        let forgetful = try Venue(configuration: configuration, instruments: [instrument], clock: clock)
        #expect(forgetful.fills(since: .zero, after: nil) == nil)
        let journal = InMemoryEventJournal()
        try sessionBeforeTheCrash(journal)
        var state = try emptyState()
        try journal.forEach(after: 0) { record throws(JournalError) in try state.apply(record) }
        let recorder = JournalRecorder(journal: journal, clock: clock, state: state)
        #expect { try recorder.recordMissedEvents(from: forgetful) } throws: { "\($0)".contains("cannot list its fills") }
    }

    /// Restarts a recorder on what `journal` holds (the state, the correlation ids).
    func restartedRecorder(_ journal: InMemoryEventJournal) throws -> JournalRecorder {
        var state = try emptyState()
        try journal.forEach(after: 0) { record throws(JournalError) in try state.apply(record) }
        let recorder = JournalRecorder(journal: journal, clock: clock, state: state, syncsCommands: true)
        try recorder.restoreCorrelations()
        return recorder
    }

    /// After ``sessionBeforeTheCrash(_:)``, a restarted recorder journals the submission of L-3,
    /// a buy limit at 80 good for 30 seconds (signal SIG-3); returns the recorder and the command.
    func journalExpiringOrder(_ journal: InMemoryEventJournal) throws -> (JournalRecorder, SubmitOrder) {
        try sessionBeforeTheCrash(journal)
        let expiring = try OrderInitialized(
            clientOrderID: ClientOrderID("L-3"), strategyID: JournalFixtures.strategyID, instrumentID: instrument.id, side: .buy,
            type: .limit, quantity: Quantity(parsing: "1"), price: Price(parsing: "80.00"),
            timeInForce: .gtd(expiry: clock.now + .seconds(30)), tsInit: clock.now)
        let recorder = try restartedRecorder(journal)
        recorder.correlate(expiring.clientOrderID, with: "SIG-3")
        let command = SubmitOrder(order: expiring, tsInit: clock.now)
        try recorder.record(.submit(command), correlationID: "SIG-3")
        return (recorder, command)
    }

    /// While Bourse is down the venue cancels L-1 (say, its own desk) and a day order expires:
    /// the restart journals the cancel and the expiry at the venue's times, sends nothing, and
    /// the journal then agrees with the venue.
    @Test func cancelsAndExpiriesWhileDownAreJournaledAtTheVenuesTime() throws {
        let journal = InMemoryEventJournal()
        let (recorder, command) = try journalExpiringOrder(journal)
        var events: [OrderEvent] = []
        venue.submit(command, events: &events)
        for event in events { try recorder.record(event) { _ in nil } }
        let journaledBefore = journal.lastSequence

        // Bourse is down.
        let canceledAt = clock.now + .seconds(10)
        _ = try clock.advance(to: canceledAt)
        var lost: [OrderEvent] = []
        venue.cancel(
            CancelOrder(clientOrderID: try ClientOrderID("L-1"), strategyID: JournalFixtures.strategyID, instrumentID: instrument.id,
                tsInit: clock.now), events: &lost)
        _ = try clock.advance(to: clock.now + .seconds(60))
        venue.advanceTime(events: &lost)
        #expect(lost.map(\.kind) == [.pendingCancel, .canceled, .expired])
        let expiredAt = try #require(lost.last?.tsEvent)

        _ = try clock.advance(to: clock.now + .seconds(60))
        let restarted = try restartedRecorder(journal)
        #expect(restarted.reconciliationIssues(venue: venue).count == 2)
        #expect(try restarted.recordMissedEvents(from: venue) == 2)
        #expect(try restarted.recordMissedEvents(from: venue) == 0, "an event is recovered once")
        let added = try journal.records(after: journaledBefore)
        guard added.count == 2, case .event(.canceled(let canceled)) = added[0].entry, case .event(.expired(let expired)) = added[1].entry
        else {
            Issue.record("expected the cancel and the expiry, got \(added.map(\.entry.kind))")
            return
        }
        #expect(canceled.clientOrderID.value == "L-1" && canceled.tsEvent == canceledAt && canceled.tsInit == clock.now)
        #expect(expired.clientOrderID.value == "L-3" && expired.tsEvent == expiredAt)
        #expect(canceled.venueOrderID != nil && canceled.accountID == JournalFixtures.accountID)
        #expect(added.map(\.correlationID) == ["SIG-1", "SIG-3"])
        #expect(restarted.reconciliationIssues(venue: venue).isEmpty, "\(restarted.reconciliationIssues(venue: venue))")
        #expect(restarted.state.orders[try ClientOrderID("L-2")]?.isOpen == true)
    }

    /// The venue acknowledged L-3 but the acknowledgement was lost in the commit window (the
    /// journal has L-3 as submitted); then L-3 expired while Bourse was down. An expiry of a
    /// submitted order is no allowed transition: the restart journals the lost acceptance (with
    /// the venue's order id) first, then the expiry, and the journal agrees with the venue.
    @Test func anExpiryOfAnOrderJournaledAsSubmittedJournalsItsAcceptanceFirst() throws {
        let journal = InMemoryEventJournal()
        let (recorder, command) = try journalExpiringOrder(journal)
        let expiring = command.order
        var events: [OrderEvent] = []
        try BourseExecution.OrderManager(client: venue).submit(command, events: &events)
        #expect(events.map(\.kind) == [.submitted, .accepted])
        try recorder.record(events[0]) { _ in nil }
        let journaledBefore = journal.lastSequence

        // Bourse is down; L-3 expires.
        _ = try clock.advance(to: clock.now + .seconds(60))
        var lost: [OrderEvent] = []
        venue.advanceTime(events: &lost)
        #expect(lost.map(\.kind) == [.expired])

        let restarted = try restartedRecorder(journal)
        #expect(restarted.state.orders[expiring.clientOrderID]?.status == .submitted)
        #expect(try restarted.recordMissedEvents(from: venue) == 2)
        let added = try journal.records(after: journaledBefore)
        guard added.count == 2, case .event(.accepted(let accepted)) = added[0].entry, case .event(.expired) = added[1].entry else {
            Issue.record("expected the acceptance and the expiry, got \(added.map(\.entry.kind))")
            return
        }
        #expect(accepted.venueOrderID == venue.orderStatus(expiring.clientOrderID)?.venueOrderID)
        #expect(added.map(\.correlationID) == ["SIG-3", "SIG-3"])
        #expect(restarted.state.orders[expiring.clientOrderID]?.status == .expired)
        #expect(restarted.state.lastSequence == journal.lastSequence, "the state and the journal stay in step")
        #expect(restarted.reconciliationIssues(venue: venue).isEmpty, "\(restarted.reconciliationIssues(venue: venue))")
    }

    /// A record the journal's state refuses (an acceptance of an order it does not know) is not
    /// appended: the recorder throws, the journal stays as it was, and later records still go in.
    @Test func aRecordTheStateRefusesIsNotAppended() throws {
        let journal = InMemoryEventJournal()
        try sessionBeforeTheCrash(journal)
        let recorder = try restartedRecorder(journal)
        let before = journal.lastSequence
        let stray = OrderAccepted(
            clientOrderID: try ClientOrderID("X-9"), strategyID: JournalFixtures.strategyID, instrumentID: instrument.id,
            venueOrderID: try VenueOrderID("V-9"), accountID: JournalFixtures.accountID, tsEvent: clock.now)
        #expect(throws: JournalError.self) { try recorder.record(.event(.accepted(stray)), correlationID: "") }
        #expect(journal.lastSequence == before, "nothing appended")
        try recorder.recordKillSwitch(actor: "operator", action: "engaged", reason: "test")
        #expect(journal.lastSequence == before + 1)
        #expect(recorder.state.lastSequence == journal.lastSequence)
    }

    /// An emulated stop is released to the venue as a market order; when it fills while Bourse is
    /// down, the venue reports a market fill, and the journal records it with the stop's type.
    @Test func aReleasedEmulatedOrdersMissedFillKeepsItsSubmittedType() throws {
        let journal = InMemoryEventJournal()
        let recorder = JournalRecorder(journal: journal, clock: clock, state: try emptyState(), syncsCommands: true)
        let emulator = OrderEmulator(client: venue, capabilities: .marketAndLimitOnly, instruments: [instrument])
        let oms = BourseExecution.OrderManager(client: emulator)
        let stop = try OrderInitialized(
            clientOrderID: ClientOrderID("S-1"), strategyID: JournalFixtures.strategyID, instrumentID: instrument.id, side: .buy,
            type: .stopMarket, quantity: Quantity(parsing: "10"), triggerPrice: Price(parsing: "101.00"), tsInit: clock.now)
        recorder.correlate(stop.clientOrderID, with: "SIG-1")
        let command = SubmitOrder(order: stop, tsInit: clock.now)
        try recorder.record(.submit(command), correlationID: "SIG-1")
        var events: [OrderEvent] = []
        try oms.submit(command, events: &events)
        // A bar through the stop: the emulator releases it to the venue as a market order.
        let through = try bar(at: "102.00")
        let start = events.count
        venue.process(bar: through, events: &events)
        emulator.receive(&events, from: start)
        emulator.process(bar: through, events: &events)
        oms.apply(events[start...])
        for event in events { try recorder.record(event) { _ in nil } }
        #expect(!events.contains { $0.kind == .filled }, "a released market order fills at the next bar")

        // Bourse is down: the venue fills the market order at the next open.
        var lost: [OrderEvent] = []
        venue.process(bar: try bar(at: "102.50"), events: &lost)
        let venueFill = try #require(venue.fills(since: .zero, after: nil)?.last)
        #expect(venueFill.orderType == .market)

        let restarted = try restartedRecorder(journal)
        #expect(try restarted.recordMissedEvents(from: emulator) == 1)
        guard case .event(.filled(let fill))? = try journal.records().last?.entry else {
            Issue.record("expected the missed fill")
            return
        }
        #expect(fill.orderType == .stopMarket)
        #expect(fill == venueFill.withOrderType(.stopMarket))
        #expect(restarted.state.orders[stop.clientOrderID]?.status == .filled)
    }
}

/// An in-memory journal that counts the records it hands out.
final class CountingJournal: EventJournal {
    private let inner = InMemoryEventJournal()
    var recordsRead = 0

    var lastSequence: UInt64 { inner.lastSequence }

    @discardableResult
    func append(_ entry: JournalEntry, timestamp: UnixNanos, correlationID: String) throws(JournalError) -> JournalRecord {
        try inner.append(entry, timestamp: timestamp, correlationID: correlationID)
    }

    func sync() throws(JournalError) {}

    func forEach(after sequence: UInt64, _ body: (JournalRecord) throws(JournalError) -> Void) throws(JournalError) {
        try inner.forEach(after: sequence) { record throws(JournalError) in
            recordsRead += 1
            try body(record)
        }
    }

    func forEachReversed(before sequence: UInt64, _ body: (JournalRecord) throws(JournalError) -> Bool) throws(JournalError) {
        try inner.forEachReversed(before: sequence) { record throws(JournalError) in
            recordsRead += 1
            return try body(record)
        }
    }
}
