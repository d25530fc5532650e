public import BourseCore

/// What a paper session reports when it stops, whatever its strategy type (the CLI holds the
/// session of a strategy chosen by name, see `StrategyEntry.paper`).
public protocol PaperSessionOutcome: AnyObject {
    /// The state the journal describes.
    var state: JournalState { get }
    /// What the start restored, `nil` for a new journal.
    var recovery: RecoverySummary? { get }
    /// Cash as the portfolio keeps it (on a margin account the journal's state does not follow cash).
    var cash: Money { get }
    /// Cash plus positions marked at the last prices.
    var equity: Money { get }
}

extension KernelPaperSession: PaperSessionOutcome {
    public var cash: Money { kernel.portfolio.cash }
    public var equity: Money { kernel.portfolio.equity }
}
