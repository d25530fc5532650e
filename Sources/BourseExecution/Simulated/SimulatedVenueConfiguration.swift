public import BourseCore

/// How a ``SimulatedVenue`` behaves: who it is, when bar strategies' orders execute,
/// how limits fill, when the trading day ends, and the starting cash.
/// The fill, fee and latency models are the venue's generic parameters.
public struct SimulatedVenueConfiguration: Sendable, Hashable {
    public var venue: Venue
    public var accountID: AccountID
    /// When market orders execute against bars (default: the next bar's open).
    public var barExecution: BarExecution
    /// When resting limit orders fill (default: only when traded through).
    public var limitFill: LimitFillPolicy
    /// The session's closing time of day, as an offset from midnight UTC: DAY orders
    /// expire at the first such time after they were sent, and at-the-close orders
    /// execute on the bar that closes at or after it. Default: midnight UTC.
    public var sessionClose: Nanoseconds
    /// Cash deposited at start. Empty: the venue does not check or track cash, and
    /// reports no balances (the portfolio does the accounting).
    public var startingBalances: [Money]
    /// Whether the venue keeps a history of its latest fills (up to ``fillHistoryCapacity``) to
    /// answer ``SimulatedVenue/fills(since:after:)``, as a real venue does (default). Backtests,
    /// which never recover, turn it off to save the memory.
    public var keepsFillHistory = true
    /// How many of the latest fills the history keeps (default 100,000, about 36 MB); older ones
    /// are dropped, and ``SimulatedVenue/fills(since:after:)`` answers `nil` for a query reaching
    /// back to them. Bounds the memory of a long-running paper venue.
    public var fillHistoryCapacity = 100_000

    public init(
        venue: Venue,
        accountID: AccountID,
        barExecution: BarExecution = .nextBarOpen,
        limitFill: LimitFillPolicy = .onTradeThrough,
        sessionClose: Nanoseconds = .zero,
        startingBalances: [Money] = []
    ) {
        self.venue = venue
        self.accountID = accountID
        self.barExecution = barExecution
        self.limitFill = limitFill
        self.sessionClose = sessionClose
        self.startingBalances = startingBalances
    }
}
