public import BourseCore

/// What a journaled session trades and starts with: the first record of a backtest or paper
/// journal, so the journal alone rebuilds its orders, positions and cash (`bourse audit replay`,
/// ``JournalState/init(start:)``).
public struct SessionStart: Sendable, Hashable {
    /// The instruments fills may be in, with their rules (tick and lot sizes, fees, multiplier).
    public let instruments: [Instrument]
    public let accountID: AccountID
    public let startingBalances: [Money]
    /// Whether fills move the cash (a cash account); see ``JournalState/tracksCash``.
    public let tracksCash: Bool

    public init(instruments: [Instrument], accountID: AccountID, startingBalances: [Money], tracksCash: Bool = true) {
        self.instruments = instruments
        self.accountID = accountID
        self.startingBalances = startingBalances
        self.tracksCash = tracksCash
    }
}
