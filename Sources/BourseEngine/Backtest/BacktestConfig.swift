public import BourseCore
public import BourseData
import BourseExecution
public import BourseRisk

/// Everything a backtest needs besides the strategy: instruments, data, time range, venue
/// (fill timing, commission), account and starting cash.
///
/// Conventions (the defaults match backtesting.py, see `docs/backtest-conventions.md`):
/// market orders fill at the next bar's open; commission is a fraction of each fill's
/// notional; a margin account at leverage 1 (shorting allowed, no borrowing beyond equity);
/// positions still open at the end stay open and are marked at the last close.
public struct BacktestConfig: Sendable {
    public var instruments: [Instrument]
    /// Bar series, in the order that breaks timestamp ties.
    public var bars: [BarSeries]
    /// Quote streams (one instrument each), after the bar series in tie order.
    public var quotes: [[QuoteTick]] = []
    /// Trade streams (one instrument each), last in tie order.
    public var trades: [[TradeTick]] = []
    /// Only data with `start ≤ tsEvent ≤ end` is used.
    public var start: UnixNanos?
    public var end: UnixNanos?
    public var startingCash: Money
    public var accountKind: AccountKind = .margin(leverage: Rate(uncheckedRaw: 1, precision: 0))
    /// Commission as a fraction of notional on every fill (`0.002` = 0.2 %).
    public var commissionRate: Rate = Rate(uncheckedRaw: 0, precision: 0)
    public var commissionRounding: CommissionModel.Rounding = .carry
    public var fillTiming: FillTiming = .nextBarOpen
    /// Pre-trade limits every order command must pass (``PreTradeRiskEngine``); `nil`: none.
    public var riskLimits: RiskConfiguration?
    /// The kill switch's triggers and actions (``Kernel/configureKillSwitch(_:)``); `nil`: the
    /// default switch (manual and venue-disconnect triggers only).
    public var killSwitch: KillSwitchConfiguration?
    public var strategyID: StrategyID
    public var accountID: AccountID

    public init(instruments: [Instrument], bars: [BarSeries], startingCash: Money) throws(EngineError) {
        self.instruments = instruments
        self.bars = bars
        self.startingCash = startingCash
        do {
            strategyID = try StrategyID("S-001")
            accountID = try AccountID("SIM-001")
        } catch { throw .configuration("\(error)") }
    }

    /// The simulated venue of the run: every instrument must trade at one venue; fees are the
    /// ``CommissionModel``; no slippage, no latency; the portfolio keeps the accounts.
    func makeVenue(clock: TestClock) throws(EngineError) -> BacktestSimulatedVenue {
        guard let venue = instruments.first?.id.venue else { throw .configuration("no instruments") }
        if let other = instruments.first(where: { $0.id.venue != venue }) {
            throw .configuration("instruments trade at \(venue) and \(other.id.venue); a backtest runs against one venue")
        }
        var configuration = SimulatedVenueConfiguration(venue: venue, accountID: accountID, barExecution: fillTiming.barExecution)
        // A backtest never recovers from its venue: the kernel keeps the fills.
        configuration.keepsFillHistory = false
        do {
            return try BacktestSimulatedVenue(
                configuration: configuration,
                instruments: instruments, clock: clock, fillModel: StandardFillModel(),
                feeModel: CommissionModel(rate: commissionRate, rounding: commissionRounding), latencyModel: .zero)
        } catch { throw .configuration("venue: \(error)") }
    }

    /// A copy whose bar columns and ticks live in buffers of its own (see
    /// ``BarSeries/copyingStorage()``): a sweep gives one to each worker.
    public func copyingStorage() -> BacktestConfig {
        var copy = self
        copy.bars = bars.map { $0.copyingStorage() }
        copy.quotes = quotes.map { $0.map { $0 } }
        copy.trades = trades.map { $0.map { $0 } }
        return copy
    }

    /// The data engine over the configured streams, cut to the time range.
    func makeDataEngine() throws(EngineError) -> DataEngine {
        if let start, let end, end < start { throw .configuration("end \(end) is before start \(start)") }
        let range = (start ?? UnixNanos(.min))...(end ?? UnixNanos(.max))
        var engine = DataEngine()
        for series in bars { try engine.add(.bars(start == nil && end == nil ? series : series.slice(range))) }
        for q in quotes { try engine.add(.quotes(q.filter { range.contains($0.tsEvent) })) }
        for t in trades { try engine.add(.trades(t.filter { range.contains($0.tsEvent) })) }
        guard engine.eventCount > 0 else { throw .data("no data in the configured time range") }
        return engine
    }
}
