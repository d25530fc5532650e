public import BourseCore
public import BourseExecution
public import BourseRisk
import OrderedCollections

/// The one path by which Bourse writes its journal: the ``Kernel`` (backtests, through its bus
/// topics and a hook before each order command) and the ``PaperSession`` both record through it.
///
/// - Every record gets the next sequence number, the session clock's time and a correlation id:
///   one per strategy signal (`SIG-n`), remembered per client order id for the order's later
///   events; audit and market-data records of no order carry an empty one.
/// - An order command is journaled **before** it is sent; with ``syncsCommands`` (live and
///   paper sessions) the journal is synced first, so the command is durable before it leaves.
/// - With ``keepsState`` (live and paper sessions), every record is applied to a
///   ``JournalState`` (the state the journal describes, for snapshots and reconciliation); a
///   backtest keeps none (it would hold every order of the run for nobody to read).
/// - While recovering (``beginRecovery(expecting:summary:)``), records are not appended but
///   checked against the journaled ones: a re-run must reproduce the journal exactly.
///
/// Bus handlers cannot throw: a journal failure inside one is kept in ``failure``, and the next
/// command hook (``willSend(_:)``) or ``finish()`` throws it, so no command leaves the process
/// after the journal broke.
public final class JournalRecorder {
    public let journal: any EventJournal
    private let clock: any Clock
    /// Whether the journal is synced before an order command is sent.
    public let syncsCommands: Bool
    /// Whether market data deliveries are journaled (``MarketDataMark``).
    public let recordsMarketData: Bool
    /// Whether every record is applied to ``state``.
    public let keepsState: Bool
    /// The state the journal describes (every record applied), when ``keepsState``; otherwise
    /// the state given at start, unchanged.
    public private(set) var state: JournalState
    /// The first journal failure seen inside a bus handler.
    public private(set) var failure: JournalError?
    /// What the last start restored (recovery only).
    public internal(set) var recovery: RecoverySummary?

    /// Journaled records a recovery's re-run has not reproduced yet.
    private var pending: [JournalRecord] = []
    private var pendingIndex = 0
    /// The signal each order stems from.
    private var correlation: [ClientOrderID: String] = [:]
    /// Orders whose creation (a submit command or an initialized event) is journaled.
    private var journaledOrders: Set<ClientOrderID> = []
    var signalCount = 0
    var signalTime: UnixNanos?

    /// A recorder appending to `journal` at `clock`'s time; `state` is the journal's state so far
    /// (kept up to date when `keepsState`).
    public init(
        journal: any EventJournal, clock: any Clock, state: JournalState, keepsState: Bool = true, syncsCommands: Bool = false,
        recordsMarketData: Bool = false
    ) {
        self.journal = journal
        self.clock = clock
        self.state = state
        self.keepsState = keepsState
        self.syncsCommands = syncsCommands
        self.recordsMarketData = recordsMarketData
    }

    // MARK: Recording

    /// Journals a record — or, while recovering, checks that the re-run produced exactly the
    /// journaled one (same entry, time and correlation id). With ``keepsState``, a record the
    /// state refuses (an event its order's state machine does not allow) is not appended: it
    /// throws ``JournalError/replay(sequence:_:)`` and the journal stays as it was.
    public func record(_ entry: JournalEntry, correlationID: String) throws(JournalError) {
        if isRecovering {
            let expected = pending[pendingIndex]
            guard expected.entry == entry, expected.correlationID == correlationID, expected.timestamp == clock.now else {
                throw .divergence(
                    sequence: expected.sequence, journaled: "\(expected.entry.kind) at \(expected.timestamp) [\(expected.correlationID)]",
                    produced: "\(entry.kind) at \(clock.now) [\(correlationID)]")
            }
            pendingIndex += 1
            return
        }
        if keepsState { try state.check(entry) }
        if awaitsReconciliation { recovery?.emittedAfterJournalEnd += 1 }
        let record = try journal.append(entry, timestamp: clock.now, correlationID: correlationID)
        if keepsState { try state.apply(record) }
    }

    /// Journals an order command before it is sent (synced first when ``syncsCommands``).
    public func record(_ command: JournalCommand, correlationID: String) throws(JournalError) {
        switch command {
        case .submit(let c): journaledOrders.insert(c.order.clientOrderID)
        case .submitList(let c): for order in c.orders { journaledOrders.insert(order.clientOrderID) }
        case .modify, .cancel, .cancelAll: break
        }
        try record(.command(command), correlationID: correlationID)
        if syncsCommands && !isRecovering { try journal.sync() }
    }

    /// Journals an order event under its order's correlation id. An order denied before it was
    /// sent has no journaled command: its ``OrderInitialized`` (from `initialized`) goes first.
    public func record(_ event: OrderEvent, initialized: (ClientOrderID) -> OrderInitialized?) throws(JournalError) {
        let id = event.clientOrderID
        let signal = correlation[id] ?? ""
        if !journaledOrders.contains(id), let order = initialized(id) {
            journaledOrders.insert(id)
            try record(.event(.initialized(order)), correlationID: signal)
        }
        try record(.event(event), correlationID: signal)
    }

    /// Journals a risk decision (audit trail, actor `risk`).
    public func record(_ decision: RiskDecision) throws(JournalError) {
        let verb: String
        let reason: String
        switch decision.outcome {
        case .approved: (verb, reason) = ("approved", "every check passed")
        case .modified(let quantity, let adjustments):
            (verb, reason) = ("reduced to \(quantity)", adjustments.map(\.description).joined(separator: "; "))
        case .denied(let denial): (verb, reason) = ("denied", denial.description)
        }
        try record(.audit(AuditEntry(
            category: .riskDecision, actor: "risk", action: "\(verb) \(decision.action.rawValue) \(decision.clientOrderID) \(decision.instrumentID)",
            reason: reason, clientOrderID: decision.clientOrderID)), correlationID: correlation[decision.clientOrderID] ?? "")
    }

    /// Journals a kill-switch action: who engaged or released it, and why.
    public func recordKillSwitch(actor: String, action: String, reason: String) throws(JournalError) {
        try record(.audit(AuditEntry(category: .killSwitch, actor: actor, action: action, reason: reason)), correlationID: "")
    }

    /// Journals a delivery of market data (when ``recordsMarketData``).
    @inline(__always)
    public func recordMarketData(instrumentID: InstrumentID, index: Int64, tsEvent: UnixNanos) throws(JournalError) {
        guard recordsMarketData else { return }
        try record(.marketData(MarketDataMark(instrumentID: instrumentID, index: index, tsEvent: tsEvent)), correlationID: "")
    }

    /// The signal `command` belongs to: commands a strategy issues at one time share one (`SIG-n`).
    public func noteSignal(_ command: TradingCommand) {
        let now = clock.now
        if signalTime != now {
            signalTime = now
            signalCount += 1
        }
        let signal = "SIG-\(signalCount)"
        switch command {
        case .submit(let order): correlation[order.clientOrderID] = signal
        case .submitBracket(let bracket): for order in bracket.orders { correlation[order.clientOrderID] = signal }
        case .submitSized(let order): correlation[order.clientOrderID] = signal
        case .modify, .cancel: break
        }
    }

    /// Remembers that `id`'s records belong to `signal` (for callers that name signals themselves).
    public func correlate(_ id: ClientOrderID, with signal: String) { correlation[id] = signal }

    /// The correlation id of `id`'s records (empty when unknown).
    public func correlationID(of id: ClientOrderID) -> String { correlation[id] ?? "" }

    /// Runs `body`, keeping its journal failure for the next ``willSend(_:)`` or ``finish()``.
    func keepingFailure(_ body: () throws(JournalError) -> Void) {
        guard failure == nil else { return }
        do { try body() } catch { failure = error }
    }

    /// Journals an order command the kernel is about to send; throws the first journal failure
    /// (including one kept from a bus handler), so nothing is sent after the journal broke.
    public func willSend(_ command: JournalCommand) throws(JournalError) {
        if let failure { throw failure }
        // Kept too: the kernel reports it as text, a session rethrows it typed (``failure``).
        do { try record(command, correlationID: command.clientOrderID.map(correlationID(of:)) ?? "") } catch {
            failure = error
            throw error
        }
    }

    /// Syncs the journal; throws the first failure kept from a bus handler.
    public func finish() throws(JournalError) {
        if let failure { throw failure }
        try journal.sync()
    }

    // MARK: Recovery

    /// Starts a recovery: the records the re-run must reproduce, and what was restored.
    public func beginRecovery(expecting records: [JournalRecord], summary: RecoverySummary) {
        pending = records
        pendingIndex = 0
        recovery = summary
    }

    /// Whether the re-run is still reproducing journaled records.
    public var isRecovering: Bool { pendingIndex < pending.count }
    /// The journaled record a recovery's re-run must produce next (`nil` when not recovering).
    public var nextExpected: JournalRecord? { isRecovering ? pending[pendingIndex] : nil }
    /// Whether a recovery ran out of journaled records but has not been reconciled yet.
    var awaitsReconciliation: Bool { recovery != nil && recovery?.reconciled == false }

    /// Learns the correlation id of every order still open in ``state`` (after a restart, so the
    /// events journaled from now on carry their order's signal): the last non-empty one journaled
    /// for it. The journal is read from its end and only until every open order is found, not
    /// whole; closed orders get no more records, so their ids are not looked for.
    public func restoreCorrelations() throws(JournalError) {
        var wanted = Set(state.orders.values.lazy.filter { !$0.isClosed }.map(\.clientOrderID))
        guard !wanted.isEmpty else { return }
        try journal.forEachReversed(before: journal.lastSequence + 1) { record throws(JournalError) in
            if let id = record.entry.clientOrderID, !record.correlationID.isEmpty, wanted.remove(id) != nil {
                correlation[id] = record.correlationID
            }
            return !wanted.isEmpty
        }
    }

    /// Asks the venue what happened to the journal's open orders while Bourse was down, and
    /// journals it as the missing events, under each order's correlation id; nothing is sent to
    /// the venue (never a resubmission):
    /// - fills the journal lacks (the venue's fills since the oldest open order), reported with
    ///   the type the order was submitted as (an emulated stop is released to the venue as a
    ///   market order; the journal knows it was a stop);
    /// - then cancels and expiries: an order the venue reports canceled or expired gets its
    ///   ``OrderCanceled`` or ``OrderExpired`` at the venue's time (`tsEvent`), learned now (`tsInit`);
    ///   an order the journal still has as submitted (its acknowledgement was lost as well) gets
    ///   its ``OrderAccepted`` first, with the venue's order id.
    ///
    /// Returns how many events were journaled; a second call finds none. Throws
    /// ``JournalError/reconciliation(_:)`` when the venue cannot list its fills.
    @discardableResult
    public func recordMissedEvents(from venue: some ExecutionClient) throws(JournalError) -> Int {
        guard keepsState else { throw .reconciliation(["the recorder keeps no state to reconcile (a backtest's)"]) }
        guard let since = state.orders.values.lazy.filter({ !$0.isClosed }).map(\.tsInit).min() else { return 0 }
        guard let fills = venue.fills(since: since, after: nil) else {
            throw .reconciliation(["the venue cannot list its fills since \(since): fills made while down cannot be recovered"])
        }
        var recovered = 0
        for fill in fills {
            guard let order = state.orders[fill.clientOrderID], !order.isClosed, !order.tradeIDs.contains(fill.tradeID) else { continue }
            try record(.event(.filled(fill.withOrderType(order.type))), correlationID: correlationID(of: fill.clientOrderID))
            recovered += 1
        }
        for order in state.orders.values where !order.isClosed {
            guard let report = venue.orderStatus(order.clientOrderID) else { continue }
            let event: OrderEvent
            switch report.status {
            case .canceled: event = .canceled(Self.statusEvent(order, report, now: clock.now))
            case .expired: event = .expired(Self.statusEvent(order, report, now: clock.now))
            default: continue
            }
            let correlationID = correlationID(of: order.clientOrderID)
            if order.status == .submitted, let venueOrderID = report.venueOrderID {
                // Its acknowledgement was lost too (an expiry needs an accepted order).
                try record(.event(.accepted(OrderAccepted(
                    clientOrderID: order.clientOrderID, strategyID: order.strategyID, instrumentID: order.instrumentID,
                    venueOrderID: venueOrderID, accountID: order.accountID ?? state.account.id, tsEvent: report.tsLast, tsInit: clock.now))),
                    correlationID: correlationID)
                recovered += 1
            }
            try record(.event(event), correlationID: correlationID)
            recovered += 1
        }
        return recovered
    }

    /// A status event for `order` as the venue reported it: at the venue's time, learned `now`.
    private static func statusEvent<Event: VenueStatusEvent>(_ order: Order, _ report: OrderStatusReport, now: UnixNanos) -> Event {
        Event(
            clientOrderID: order.clientOrderID, strategyID: order.strategyID, instrumentID: order.instrumentID,
            venueOrderID: report.venueOrderID ?? order.venueOrderID, accountID: order.accountID, tsEvent: report.tsLast, tsInit: now)
    }

    /// Once the re-run has gone past the journal's end: compares the kept state with the venue,
    /// and journals what the recovery did.
    public func finishRecoveryIfDone(venue: some ExecutionClient) throws(JournalError) {
        guard !isRecovering, var summary = recovery, !summary.reconciled else { return }
        let issues = reconciliationIssues(venue: venue)
        guard issues.isEmpty else { throw .reconciliation(issues) }
        summary.reconciled = true
        recovery = summary
        try record(.audit(AuditEntry(
            category: .recovery, actor: "recovery", action: "restored the session after a restart",
            reason: summary.description)), correlationID: "")
        try journal.sync()
    }

    /// Where the journal's state and the venue's reports disagree (empty when they agree).
    public func reconciliationIssues(venue: some ExecutionClient) -> [String] {
        guard keepsState else { return ["the recorder keeps no state to reconcile (a backtest's)"] }
        return JournalReconciliation.issues(state: state, venue: venue)
    }
}
