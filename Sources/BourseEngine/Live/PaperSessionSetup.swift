/// Where and how a ``KernelPaperSession`` runs: the input and account (a ``BacktestConfig``: the
/// paper session replays its bars against the same simulated venue a backtest uses), the journal
/// and snapshot stores, and who runs it.
public struct PaperSessionSetup {
    /// Instruments, bars, starting cash, account kind, commission, fill timing, ids.
    public var config: BacktestConfig
    public var journal: any EventJournal
    public var snapshots: any SnapshotStore
    /// A snapshot every this many events, at the first quiet event from there (0: never; see
    /// ``KernelPaperSession``).
    public var snapshotEvery: Int
    /// Who started the session (for the audit trail).
    public var actor: String
    /// What runs, for the opening audit record (e.g. `sma-cross fast=3 slow=8`).
    public var description: String
    /// Polled before each bar once the session runs live (not during a recovery's re-run): an
    /// operator's kill-switch instruction, or `nil` (see ``KillSwitchInstruction``).
    public var killSwitchInstructions: (() throws -> KillSwitchInstruction?)?

    public init(
        config: BacktestConfig, journal: any EventJournal, snapshots: any SnapshotStore, snapshotEvery: Int = 100, actor: String,
        description: String, killSwitchInstructions: (() throws -> KillSwitchInstruction?)? = nil
    ) {
        self.config = config
        self.journal = journal
        self.snapshots = snapshots
        self.snapshotEvery = snapshotEvery
        self.actor = actor
        self.description = description
        self.killSwitchInstructions = killSwitchInstructions
    }
}
