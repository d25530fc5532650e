import BourseCore

/// A crash-safe paper-trading session of any ``Strategy``, run by the same ``Kernel`` as a
/// backtest: bars are replayed one at a time into the simulated venue, and the kernel journals
/// through its ``JournalRecorder`` — each order command **before** it is sent (and synced), each
/// risk decision and order event after it happened, a mark per bar.
///
/// Starting a session on a journal that already has records is a recovery:
/// 1. Bourse's own state (orders, positions, cash) is rebuilt from the journal
///    (``JournalReplay/state(of:)``).
/// 2. The kernel re-runs the input from the first bar, and every record it produces must equal
///    the journaled one: commands are matched, not sent as new orders, and a mismatch (other
///    input, other strategy or parameters) stops the session with
///    ``JournalError/divergence(sequence:journaled:produced:)``.
/// 3. Where the journal ends, the state is reconciled with the venue's reports (a disagreement
///    stops the session with ``JournalError/reconciliation(_:)``); from there on, what the crash
///    lost is journaled as it is produced again, and trading continues.
///
/// Unlike ``PaperSession`` (which runs only the ``PaperStrategy``), a restart re-runs from the
/// first bar: the kernel's state is not restored from a snapshot (see `docs/paper.md`).
public final class KernelPaperSession<S: Strategy, R: RiskGate> {
    public let kernel: Kernel<S, R, BacktestSimulatedVenue>
    /// Journals everything, verifies a recovery's re-run and keeps the journal's state.
    public let recorder: JournalRecorder
    let setup: PaperSessionSetup
    /// Events (bars) processed so far, the re-run of a recovery included.
    public private(set) var eventsProcessed = 0

    /// The state the journal describes (rebuilt at start, then kept up to date).
    public var state: JournalState { recorder.state }
    /// What the last start restored (for the audit record and the CLI).
    public var recovery: RecoverySummary? { recorder.recovery }

    /// A session of `strategy` under `risk`; restores its state when the journal has records.
    public init(strategy: S, risk: R, setup: PaperSessionSetup) throws {
        self.setup = setup
        let config = setup.config
        let journal = setup.journal
        kernel = try Backtest.makeKernel(strategy: strategy, risk: risk, config: config)
        let state =
            journal.lastSequence > 0
            ? try JournalReplay.state(of: journal)
            : try JournalState(
                instruments: config.instruments, accountID: config.accountID, startingBalances: [config.startingCash],
                tracksCash: config.accountKind == .cash)
        recorder = JournalRecorder(
            journal: journal, clock: kernel.clock, state: state, syncsCommands: true, recordsMarketData: true)
        kernel.journal(to: recorder)
        if journal.lastSequence > 0 {
            recorder.beginRecovery(
                expecting: try journal.records().filter { !PaperSession.isPerProcessRecord($0.entry) },
                summary: RecoverySummary(journaledRecords: journal.lastSequence, snapshotSequence: nil, resumedAtBar: nil))
        }
    }

    /// Runs the session to the end of its input (or until `limit` events have been processed,
    /// counting from the first bar); returns the journal's state.
    @discardableResult
    public func run(limit: Int? = nil) throws -> JournalState {
        if eventsProcessed == 0 { try open() }
        while eventsProcessed < limit ?? .max {
            guard try journaled({ () throws(EngineError) in try kernel.step(events: 1) }) == 1 else {
                try journaled { () throws(EngineError) in try kernel.finish() }
                break
            }
            eventsProcessed += 1
            if let failure = recorder.failure { throw failure }
            try recorder.finishRecoveryIfDone(venue: kernel.venue)
        }
        try recorder.finishRecoveryIfDone(venue: kernel.venue)
        try setup.journal.sync()
        return state
    }

    /// Journals the session's opening records (a new journal), then starts the kernel.
    private func open() throws {
        let config = setup.config
        if setup.journal.lastSequence == 0 {
            try recorder.record(
                .sessionStart(SessionStart(
                    instruments: config.instruments, accountID: config.accountID, startingBalances: [config.startingCash],
                    tracksCash: recorder.state.tracksCash)), correlationID: "")
            try recorder.record(
                .audit(AuditEntry(
                    category: .operatorCommand, actor: setup.actor, action: "start paper session",
                    reason: "\(kernel.data.eventCount) events of \(config.instruments.map(\.id.description).joined(separator: ", ")), "
                        + "strategy \(setup.description)")), correlationID: "")
        }
        try journaled { () throws(EngineError) in try kernel.start() }
    }

    /// Runs a kernel call; a journal failure (kept by the recorder) is thrown as itself, typed,
    /// rather than as the kernel's ``EngineError/journal(_:)`` text.
    private func journaled<T>(_ body: () throws(EngineError) -> T) throws -> T {
        do { return try body() } catch {
            if let failure = recorder.failure { throw failure }
            throw error
        }
    }
}
