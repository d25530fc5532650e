/// Where and how a backtest writes its journal (backtests journal nothing unless given one).
///
/// The journal must be empty: one journal holds one run. The opening audit records (who
/// started the run, the effective configuration and its sources) are journaled first, at the
/// run's start time; then the kernel journals every command it sends, every order event,
/// every risk decision and, with ``recordsMarketData``, a mark per bar or tick delivered.
public struct BacktestJournal {
    public let journal: any EventJournal
    /// Whether every bar or tick delivered is journaled (a ``MarketDataMark``).
    public var recordsMarketData: Bool
    /// Audit records journaled when the run starts.
    public var opening: [AuditEntry]

    public init(journal: any EventJournal, recordsMarketData: Bool = false, opening: [AuditEntry] = []) {
        self.journal = journal
        self.recordsMarketData = recordsMarketData
        self.opening = opening
    }

    /// Makes `kernel` journal its run, after the opening records.
    func attach<S: Strategy, R: RiskGate, V: BacktestVenue>(to kernel: Kernel<S, R, V>, config: BacktestConfig) throws(EngineError) {
        guard journal.lastSequence == 0 else {
            throw .configuration("the journal already holds \(journal.lastSequence) records; a backtest writes a new journal")
        }
        do {
            let state = try JournalState(
                instruments: config.instruments, accountID: config.accountID, startingBalances: [config.startingCash],
                tracksCash: config.accountKind == .cash)
            // No backtest reads the recorder's state: it keeps none (its memory would grow with every order).
            let recorder = JournalRecorder(
                journal: journal, clock: kernel.clock, state: state, keepsState: false, recordsMarketData: recordsMarketData)
            try recorder.record(
                .sessionStart(SessionStart(
                    instruments: config.instruments, accountID: config.accountID, startingBalances: [config.startingCash],
                    tracksCash: state.tracksCash)), correlationID: "")
            for entry in opening { try recorder.record(.audit(entry), correlationID: "") }
            kernel.journal(to: recorder)
        } catch { throw .journal("\(error)") }
    }
}
