public import BourseCore
public import BourseExecution

/// An execution client the kernel can drive with market data: the simulated venue, or a
/// wrapper around it (e.g. one that records the commands it receives).
///
/// The kernel calls these methods itself (generic, no existential): it gives each bar, quote
/// and trade to the venue before the strategy sees it, and ``advanceTime(events:)`` when the
/// clock reaches ``nextEventTime``.
public protocol BacktestVenue: ExecutionClient {
    /// When market orders execute against bars.
    var barExecution: BarExecution { get }
    /// When the venue next needs the clock (delayed commands, expiries); `nil` when nothing is pending.
    var nextEventTime: UnixNanos? { get }
    func process(bar: Bar, events: inout [OrderEvent])
    func process(quote: QuoteTick, events: inout [OrderEvent])
    func process(trade: TradeTick, events: inout [OrderEvent])
    func advanceTime(events: inout [OrderEvent])
}

extension SimulatedVenue: BacktestVenue {
    public var barExecution: BarExecution { configuration.barExecution }
}

/// The venue a ``Backtest`` runs against: no slippage, the backtest's ``CommissionModel``, no latency.
public typealias BacktestSimulatedVenue = SimulatedVenue<StandardFillModel, CommissionModel, FixedLatency>
