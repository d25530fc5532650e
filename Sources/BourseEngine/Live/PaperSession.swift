import BourseCore
public import BourseExecution
import OrderedCollections

/// A paper-trading session that survives crashes: bars are replayed into a ``SimulatedVenue``
/// through the ``OrderManager``, a ``PaperStrategy`` trades them, and everything is journaled —
/// each order command **before** it is sent (and synced), each order event after it happened.
///
/// Starting a session on a journal that already has records is a recovery:
/// 1. Bourse's own state (orders, positions, cash) is restored from the latest snapshot plus
///    the journal's tail (``JournalState``).
/// 2. The simulated venue died with the process. A snapshot holds it (a paper venue stands in
///    for a broker, which would have survived), with the strategy's state
///    (``RestorableStrategy``) and the session's counters (``PaperSessionSnapshot``): they are
///    restored, the order manager adopts the orders open at the snapshot, and only the bars
///    after the snapshot's are re-run — every record the re-run produces must equal the
///    journaled one (commands are matched, not re-sent as new orders; a mismatch is a
///    ``JournalError/divergence(sequence:journaled:produced:)``). Without a snapshot (or with
///    one from an older Bourse that holds no venue), the input is re-run from the first bar.
/// 3. Where the journal ends, the restored state is reconciled with the venue's reports
///    (``ExecutionClient/orderStatus(_:)``, ``ExecutionClient/openOrderReports()``,
///    ``ExecutionClient/positionReports()``, ``ExecutionClient/balanceReports()``); any
///    disagreement stops the session with ``JournalError/reconciliation(_:)``.
/// 4. From there the session goes on live: events the crash lost (produced after the last
///    durable record) are journaled as they are produced again, and trading continues.
///
/// A recovery audit record says what was restored. With a real venue, step 2 is replaced by
/// asking the venue (it keeps its own state), and step 3 emits the missing events
/// (``JournalRecorder/recordMissedEvents(from:)``).
public final class PaperSession {
    public typealias Venue = SimulatedVenue<StandardFillModel, InstrumentFeeModel, FixedLatency>

    public let configuration: PaperSessionConfiguration
    let snapshots: any SnapshotStore
    let clock: TestClock
    public let venue: Venue
    public let orderManager: BourseExecution.OrderManager<Venue>
    var strategy: PaperStrategy
    /// Journals everything, verifies a recovery's re-run and keeps the journal's state.
    let recorder: JournalRecorder
    var sentAt: OrderedDictionary<ClientOrderID, Int64> = [:]
    var orderCount = 0
    /// The next bar ``run(limit:)`` processes.
    public private(set) var nextBarIndex = 0
    /// Bars this process has run (a restart from a snapshot runs only those after it).
    public private(set) var barsRun = 0
    var events: [OrderEvent] = []

    /// The state rebuilt from the journal (restored at start, then kept up to date).
    public var state: JournalState { recorder.state }
    /// What the last start restored (for the audit record and the CLI).
    public var recovery: RecoverySummary? { recorder.recovery }
    var journal: any EventJournal { recorder.journal }

    /// A session on `journal`; restores its state when the journal has records.
    public init(
        configuration: PaperSessionConfiguration, journal: any EventJournal, snapshots: any SnapshotStore
    ) throws(JournalError) {
        self.configuration = configuration
        self.snapshots = snapshots
        strategy = configuration.strategy
        let snapshot = try snapshots.latestSnapshot()
        let snapshotState = try Self.state(at: snapshot, configuration: configuration)
        var state = snapshotState
        let resume = try Self.sessionPart(of: snapshot)
        let clock = TestClock(
            now: resume?.snapshot.timestamp ?? configuration.bars.first.map { UnixNanos($0.tsEvent.rawValue - 1) } ?? .zero)
        self.clock = clock
        do {
            venue = try Venue(
                configuration: SimulatedVenueConfiguration(
                    venue: configuration.instrument.id.venue, accountID: configuration.accountID,
                    startingBalances: [configuration.startingCash]),
                instruments: [configuration.instrument], clock: clock)
        } catch { throw .storage("cannot set up the simulated venue: \(error)") }
        orderManager = BourseExecution.OrderManager(client: venue)
        try journal.forEach(after: state.lastSequence) { record throws(JournalError) in try state.apply(record) }
        recorder = JournalRecorder(journal: journal, clock: clock, state: state, syncsCommands: true, recordsMarketData: true)
        if let resume { try resumeAt(resume.snapshot, resume.session, state: snapshotState) }
        if journal.lastSequence > 0 {
            recorder.beginRecovery(
                expecting: try journal.records(after: resume?.snapshot.sequence ?? 0).filter { !Self.isPerProcessRecord($0.entry) },
                summary: RecoverySummary(
                    journaledRecords: journal.lastSequence, snapshotSequence: snapshot?.sequence,
                    resumedAtBar: resume?.session.nextBarIndex))
        }
    }

    /// `snapshot` with its session's part decoded, `nil` when it has none (the session then re-runs from the first bar).
    static func sessionPart(
        of snapshot: Snapshot?
    ) throws(JournalError) -> (snapshot: Snapshot, session: PaperSessionSnapshot)? {
        guard let snapshot, !snapshot.session.isEmpty else { return nil }
        do { return (snapshot, try PaperSessionSnapshot(bytes: snapshot.session)) } catch {
            throw .codec(sequence: snapshot.sequence, error)
        }
    }

    /// The journal's state as of `snapshot` (empty without one).
    static func state(at snapshot: Snapshot?, configuration: PaperSessionConfiguration) throws(JournalError) -> JournalState {
        if let snapshot {
            return try JournalState(snapshot: snapshot, instruments: [configuration.instrument], accountID: configuration.accountID)
        }
        return try JournalState(
            instruments: [configuration.instrument], accountID: configuration.accountID, startingBalances: [configuration.startingCash])
    }

    /// Puts the venue, the order manager, the strategy and the counters where they were when
    /// `snapshot` was taken (`state` is the journal's state at it), so the session resumes at its bar.
    private func resumeAt(_ snapshot: Snapshot, _ resume: PaperSessionSnapshot, state: JournalState) throws(JournalError) {
        let invalid = { (part: String, reason: String) in
            JournalError.codec(sequence: snapshot.sequence, .invalidValue(field: part, reason: reason))
        }
        guard resume.nextBarIndex <= configuration.bars.count else {
            throw invalid("next bar", "bar \(resume.nextBarIndex) is past the input's \(configuration.bars.count) bars")
        }
        if let (id, bar) = resume.sentAt.first(where: { !(0...Int64(resume.nextBarIndex)).contains($0.value) }) {
            throw invalid("sent at", "order \(id) was sent at bar \(bar), outside 0…\(resume.nextBarIndex)")
        }
        // The bars before the snapshot are not re-run: at least the last one must be the one the snapshot followed.
        let lastBar = resume.nextBarIndex > 0 ? PaperSessionSnapshot.fingerprint(configuration.bars[resume.nextBarIndex - 1]) : []
        guard lastBar == resume.lastBar else {
            throw .divergence(
                sequence: snapshot.sequence, journaled: "a snapshot after bar #\(resume.nextBarIndex - 1) \(resume.lastBar)",
                produced: "that bar in the input is \(lastBar)")
        }
        do { try venue.restore(resume.venue) } catch { throw invalid("venue", error.description) }
        for order in state.orders.values where !order.isClosed {
            do { try orderManager.restore(order) } catch { throw invalid("open order", error.description) }
        }
        do { try strategy.restore(savedState: resume.strategy) } catch { throw .codec(sequence: snapshot.sequence, error) }
        sentAt = resume.sentAt
        orderCount = resume.orderCount
        nextBarIndex = resume.nextBarIndex
        for (id, signal) in resume.correlations { recorder.correlate(id, with: signal) }
    }

    /// Records of one process's life (the session's start, a recovery) that a re-run does not reproduce.
    public static func isPerProcessRecord(_ entry: JournalEntry) -> Bool {
        switch entry {
        case .sessionStart: true
        case .audit(let audit): audit.category == .recovery || audit.category == .operatorCommand
        case .command, .event, .marketData: false
        }
    }

    /// Whether the re-run is still reproducing journaled records.
    var isRecovering: Bool { recorder.isRecovering }

    /// Journals a record (or checks it during a recovery's re-run).
    func record(_ entry: JournalEntry, correlationID: String) throws(JournalError) {
        try recorder.record(entry, correlationID: correlationID)
    }

    /// Reconciles with the venue once a recovery's re-run has passed the journal's end.
    func finishRecoveryIfDone() throws(JournalError) { try recorder.finishRecoveryIfDone(venue: venue) }

    /// Where the restored state and the venue's reports disagree (empty when they agree).
    public func reconciliationIssues() -> [String] { recorder.reconciliationIssues(venue: venue) }

    /// Runs the session to the end of its bars (or through bar `limit − 1`); returns the final state.
    @discardableResult
    public func run(limit: Int? = nil) throws(JournalError) -> JournalState {
        let bars = configuration.bars
        let end = min(limit ?? bars.count, bars.count)
        if journal.lastSequence == 0 && nextBarIndex == 0 {
            try record(
                .sessionStart(SessionStart(
                    instruments: [configuration.instrument], accountID: configuration.accountID,
                    startingBalances: [configuration.startingCash])), correlationID: "")
            try record(.audit(AuditEntry(
                category: .operatorCommand, actor: configuration.actor, action: "start paper session",
                reason: "\(bars.count) bars of \(configuration.instrument.id), strategy \(configuration.strategyID)")), correlationID: "")
        }
        while nextBarIndex < end {
            try step(barIndex: nextBarIndex)
            nextBarIndex += 1
        }
        try finishRecoveryIfDone()
        try journal.sync()
        return state
    }

    // MARK: One bar

    private func step(barIndex index: Int) throws(JournalError) {
        let bar = configuration.bars[index]
        barsRun += 1
        do { _ = try clock.advance(to: bar.tsEvent) } catch { throw .storage("bars out of order at index \(index): \(error)") }
        try recorder.recordMarketData(instrumentID: bar.barType.instrumentID, index: Int64(index), tsEvent: bar.tsEvent)
        events.removeAll(keepingCapacity: true)
        venue.process(bar: bar, events: &events)
        orderManager.apply(events[...])
        try recordEvents()
        let working = orderManager.openOrders().map { (id: $0.clientOrderID, sentAt: sentAt[$0.clientOrderID] ?? Int64(index)) }
        let position = venue.netPosition(configuration.instrument.id).map { $0.side == .short ? -Int64($0.quantity.raw) : Int64($0.quantity.raw) } ?? 0
        let decisions = strategy.decide(bar: bar, barIndex: Int64(index), position: position, working: working)
        let signal = "SIG-\(index)"
        for decision in decisions { try execute(decision, signal: signal, barIndex: Int64(index)) }
        try finishRecoveryIfDone()
        if !isRecovering, configuration.snapshotEvery > 0, (index + 1) % configuration.snapshotEvery == 0 {
            try journal.sync()
            try snapshots.save(Snapshot(
                sequence: state.lastSequence, timestamp: clock.now, bytes: state.encoded(), session: sessionSnapshot(nextBar: index + 1)))
        }
    }

    /// The session's part of a snapshot taken after bar `nextBar − 1`; empty (a restart then
    /// re-runs from the first bar) while the venue has commands in flight.
    private func sessionSnapshot(nextBar: Int) -> [UInt8] {
        guard let venueState = venue.savedState() else { return [] }
        var correlations: OrderedDictionary<ClientOrderID, String> = [:]
        for order in orderManager.openOrders() { correlations[order.clientOrderID] = recorder.correlationID(of: order.clientOrderID) }
        return PaperSessionSnapshot(
            nextBarIndex: nextBar, orderCount: orderCount, sentAt: sentAt, correlations: correlations,
            lastBar: PaperSessionSnapshot.fingerprint(configuration.bars[nextBar - 1]), strategy: strategy.savedState(), venue: venueState
        ).encoded()
    }

    private func execute(_ decision: PaperStrategy.Decision, signal: String, barIndex: Int64) throws(JournalError) {
        let instrument = configuration.instrument
        switch decision {
        case .cancel(let id):
            let command = CancelOrder(clientOrderID: id, strategyID: configuration.strategyID, instrumentID: instrument.id, tsInit: clock.now)
            let correlationID = recorder.correlationID(of: id)
            try send(.cancel(command), correlationID: correlationID.isEmpty ? signal : correlationID) { () throws(OrderManagerError) in
                try orderManager.cancel(command, events: &events)
            }
        case .buyLimit(let price):
            try submit(side: .buy, type: .limit, quantity: configuration.strategy.quantity, price: price, signal: signal, barIndex: barIndex)
        case .sellMarket(let quantity):
            try submit(side: .sell, type: .market, quantity: quantity, price: nil, signal: signal, barIndex: barIndex)
        }
    }

    private func submit(
        side: OrderSide, type: OrderType, quantity: Quantity, price: Price?, signal: String, barIndex: Int64
    ) throws(JournalError) {
        orderCount += 1
        let order: OrderInitialized
        do {
            order = try OrderInitialized(
                clientOrderID: ClientOrderID("P-\(orderCount)"), strategyID: configuration.strategyID,
                instrumentID: configuration.instrument.id, side: side, type: type, quantity: quantity, price: price,
                tsInit: clock.now)
        } catch { throw .storage("the strategy built an invalid order: \(error)") }
        recorder.correlate(order.clientOrderID, with: signal)
        if let refusal = riskRefusal(order) {
            try record(.audit(AuditEntry(
                category: .riskDecision, actor: "risk", action: "denied \(side) \(quantity) \(order.instrumentID)", reason: refusal,
                clientOrderID: order.clientOrderID)), correlationID: signal)
            try record(.event(.initialized(order)), correlationID: signal)
            try record(.event(.denied(OrderDenied(
                clientOrderID: order.clientOrderID, strategyID: order.strategyID, instrumentID: order.instrumentID,
                reason: refusal, tsEvent: clock.now))), correlationID: signal)
            return
        }
        try record(.audit(AuditEntry(
            category: .riskDecision, actor: "risk", action: "approved \(side) \(quantity) \(order.instrumentID)",
            reason: "within cash and position limits", clientOrderID: order.clientOrderID)), correlationID: signal)
        sentAt[order.clientOrderID] = barIndex
        let command = SubmitOrder(order: order, tsInit: clock.now)
        try send(.submit(command), correlationID: signal) { () throws(OrderManagerError) in
            try orderManager.submit(command, events: &events)
        }
    }

    /// The pre-trade check: a buy's notional at its limit must fit the free cash.
    private func riskRefusal(_ order: OrderInitialized) -> String? {
        guard order.side == .buy, let price = order.price else { return nil }
        guard let notional = try? configuration.instrument.notional(quantity: order.quantity, price: price) else {
            return "notional of \(order.quantity) at \(price) overflows"
        }
        // The venue's cash, not the journal's: during a recovery the re-run must decide as the original run did.
        guard let free = venue.account?.balance(notional.currency) else { return nil }
        let available = free.total.raw - free.locked.raw
        return notional.raw > available
            ? "notional \(notional) exceeds free cash \(Money(uncheckedRaw: available, currency: notional.currency))" : nil
    }

    /// Journals the command (durably) before the order manager sends it, then journals what the venue answered.
    private func send(
        _ command: JournalCommand, correlationID: String, _ body: () throws(OrderManagerError) -> Void
    ) throws(JournalError) {
        try recorder.record(command, correlationID: correlationID)
        events.removeAll(keepingCapacity: true)
        do { try body() } catch {
            try record(.audit(AuditEntry(
                category: .riskDecision, actor: "order-manager", action: "refused \(command.clientOrderID.map { "\($0)" } ?? "command")",
                reason: error.description, clientOrderID: command.clientOrderID)), correlationID: correlationID)
        }
        try recordEvents()
    }

    private func recordEvents() throws(JournalError) {
        for event in events {
            try record(.event(event), correlationID: recorder.correlationID(of: event.clientOrderID))
            if event.kind == .filled || event.kind == .canceled || event.kind == .rejected || event.kind == .expired {
                if orderManager.order(event.clientOrderID)?.isClosed == true { sentAt.removeValue(forKey: event.clientOrderID) }
            }
        }
    }
}
