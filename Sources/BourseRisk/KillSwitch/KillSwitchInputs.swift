public import BourseCore

/// What the kernel knows when it evaluates the kill switch; a `nil` figure that a configured
/// trigger needs trips the switch (fail safe).
public struct KillSwitchInputs: Sendable, Hashable {
    public var now: UnixNanos
    public var equity: Money?
    public var startOfDayEquity: Money?
    public var peakEquity: Money?
    /// When the last market data arrived (`nil`: none yet).
    public var lastMarketData: UnixNanos?

    public init(
        now: UnixNanos, equity: Money? = nil, startOfDayEquity: Money? = nil, peakEquity: Money? = nil,
        lastMarketData: UnixNanos? = nil
    ) {
        self.now = now
        self.equity = equity
        self.startOfDayEquity = startOfDayEquity
        self.peakEquity = peakEquity
        self.lastMarketData = lastMarketData
    }
}
