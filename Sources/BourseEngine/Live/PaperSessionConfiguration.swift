public import BourseCore

/// What a ``PaperSession`` trades and how it journals.
public struct PaperSessionConfiguration: Sendable {
    public var instrument: Instrument
    /// The session's input, in time order (bar close times).
    public var bars: [Bar]
    public var startingCash: Money
    public var strategyID: StrategyID
    public var accountID: AccountID
    public var strategy: PaperStrategy
    /// A snapshot of the journal's state every this many bars (0: never).
    public var snapshotEvery: Int
    /// Who started the session (for the audit trail).
    public var actor: String

    public init(
        instrument: Instrument, bars: [Bar], startingCash: Money, strategyID: StrategyID, accountID: AccountID,
        strategy: PaperStrategy, snapshotEvery: Int = 100, actor: String
    ) {
        self.instrument = instrument
        self.bars = bars
        self.startingCash = startingCash
        self.strategyID = strategyID
        self.accountID = accountID
        self.strategy = strategy
        self.snapshotEvery = snapshotEvery
        self.actor = actor
    }
}
