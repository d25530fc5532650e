import BourseCore
import BourseRisk
public import BourseExecution

/// A crash-safe paper-trading session of any ``Strategy``, run by the same ``Kernel`` as a
/// backtest: bars are replayed one at a time into the simulated venue, and the kernel journals
/// through its ``JournalRecorder`` — each order command **before** it is sent (and synced), each
/// risk decision and order event after it happened, a mark per bar.
///
/// Every ``PaperSessionSetup/snapshotEvery`` events, at the first quiet event from there (no
/// order working or waiting to be sized), a snapshot saves the journal's state with the kernel's
/// part (``KernelSessionSnapshot``) in one transaction — when the strategy is a
/// ``RestorableStrategy`` and the risk gate keeps no state (``Kernel/sessionSnapshot(eventsProcessed:)``).
///
/// Starting a session on a journal that already has records is a recovery:
/// 1. Bourse's own state (orders, positions, cash) is rebuilt from the journal
///    (``JournalReplay/state(of:)``).
/// 2. With a snapshot holding the kernel's part, the kernel is restored at it (venue, strategy,
///    counters; positions and cash from the journal's fills) and only the events after it are
///    re-run; otherwise the kernel re-runs the input from the first bar. Every record the re-run
///    produces must equal the journaled one: commands are matched, not sent as new orders, and a
///    mismatch (other input, other strategy or parameters) stops the session with
///    ``JournalError/divergence(sequence:journaled:produced:)``.
/// 3. Where the journal ends, the state is reconciled with the venue's reports (a disagreement
///    stops the session with ``JournalError/reconciliation(_:)``); from there on, what the crash
///    lost is journaled as it is produced again, and trading continues.
public final class KernelPaperSession<S: Strategy, R: RiskGate> {
    public let kernel: Kernel<S, R, BacktestSimulatedVenue>
    /// Journals everything, verifies a recovery's re-run and keeps the journal's state.
    public let recorder: JournalRecorder
    let setup: PaperSessionSetup
    /// Events (bars) processed so far, counted from the first (a restore starts at the snapshot's count).
    public private(set) var eventsProcessed = 0
    /// Events this process ran (a restart from a snapshot runs only those after it).
    public private(set) var eventsRun = 0
    /// The event count at which the last snapshot was taken (or restored).
    private var snapshotAt = 0

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
        guard journal.lastSequence > 0 else { return }
        let records = try journal.records()
        var resumeAfter: UInt64 = 0
        if let snapshot = try setup.snapshots.latestSnapshot(), !snapshot.session.isEmpty {
            guard snapshot.sequence <= journal.lastSequence else {
                throw JournalError.sequence(expected: journal.lastSequence, found: snapshot.sequence)
            }
            let part: KernelSessionSnapshot
            do { part = try KernelSessionSnapshot(bytes: snapshot.session) } catch {
                throw JournalError.codec(sequence: snapshot.sequence, error)
            }
            try kernel.start()
            let fills = records.prefix { $0.sequence <= snapshot.sequence }.compactMap { record -> OrderFilled? in
                if case .event(.filled(let fill)) = record.entry { fill } else { nil }
            }
            try kernel.restore(part, fills: fills)
            eventsProcessed = part.eventsProcessed
            snapshotAt = eventsProcessed
            resumeAfter = snapshot.sequence
        }
        recorder.beginRecovery(
            expecting: records.filter { $0.sequence > resumeAfter && !PaperSession.isPerProcessRecord($0.entry) },
            summary: RecoverySummary(
                // The journal's state is folded from the whole journal (a snapshot's does not say whether
                // fills move cash), so the summary names no snapshot for it; the kernel resumed at one.
                journaledRecords: journal.lastSequence, snapshotSequence: nil, resumedAtBar: resumeAfter > 0 ? eventsProcessed : nil))
    }

    /// Runs the session to the end of its input (or until `limit` events have been processed,
    /// counting from the first bar); returns the journal's state.
    @discardableResult
    public func run(limit: Int? = nil) throws -> JournalState {
        if kernel.phase == .ready { try open() }
        while eventsProcessed < limit ?? .max {
            try followKillSwitchInstruction()
            guard try journaled({ () throws(EngineError) in try kernel.step(events: 1) }) == 1 else {
                try journaled { () throws(EngineError) in try kernel.finish() }
                break
            }
            eventsProcessed += 1
            eventsRun += 1
            if let failure = recorder.failure { throw failure }
            try recorder.finishRecoveryIfDone(venue: kernel.venue)
            try snapshotIfDue()
        }
        try recorder.finishRecoveryIfDone(venue: kernel.venue)
        try setup.journal.sync()
        return state
    }

    /// Before a bar: during a recovery's re-run, the instruction journaled next (if one is); live,
    /// the one polled from ``PaperSessionSetup/killSwitchInstructions`` when it changes the switch.
    /// It is journaled, then carried out.
    private func followKillSwitchInstruction() throws {
        let instruction: KillSwitchInstruction
        if recorder.isRecovering {
            guard let journaled = recorder.nextExpected.flatMap({ KillSwitchInstruction($0.entry) }) else { return }
            instruction = journaled
        } else {
            guard let polled = try setup.killSwitchInstructions?() else { return }
            instruction = polled
        }
        switch instruction {
        case .trip(let who, let reason):
            guard kernel.killSwitch.state == .active else { return }
            try record(instruction, who: who, reason: reason)
            try journaled { () throws(EngineError) in try kernel.triggerKillSwitch(operatorName: who, reason: reason) }
        case .reset(let who, let reason):
            // An operator resets an operator's trip; a trip by a limit is not undone by an instruction polled from outside.
            guard kernel.killSwitch.state == .triggered(.manual) else { return }
            try record(instruction, who: who, reason: reason)
            try kernel.resetKillSwitch(operatorName: who, reason: reason)
        }
        if let failure = recorder.failure { throw failure }
    }

    private func record(_ instruction: KillSwitchInstruction, who: String, reason: String) throws {
        try recorder.record(
            .audit(AuditEntry(category: .killSwitch, actor: who, action: instruction.auditAction, reason: reason)), correlationID: "")
    }

    /// Saves a snapshot when one is due, the journal is not being re-run and the kernel is quiet.
    private func snapshotIfDue() throws {
        guard setup.snapshotEvery > 0, eventsProcessed - snapshotAt >= setup.snapshotEvery, !recorder.isRecovering,
            let part = kernel.sessionSnapshot(eventsProcessed: eventsProcessed)
        else { return }
        try setup.journal.sync()
        try setup.snapshots.save(Snapshot(
            sequence: state.lastSequence, timestamp: kernel.clock.now, bytes: state.encoded(), session: part.encoded()))
        snapshotAt = eventsProcessed
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
