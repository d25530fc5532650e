public import BourseCore
public import BourseRisk

/// The kernel's risk engine backed by BourseRisk's pre-trade checks: before each decision it
/// brings a ``PortfolioSnapshot`` up to date from the kernel's ``Portfolio`` and hands the
/// request to `BourseRisk.RiskEngine`.
///
/// Account figures given to the checks:
/// - equity: the portfolio's equity now (cash + positions at the last marks);
/// - start-of-day equity: the equity curve's last point before the current UTC day (the starting
///   cash on the first day);
/// - peak equity: the highest of the starting cash, every equity-curve point so far and the
///   equity now;
/// - free cash: the cash (cash account) or `max(0, equity − margin used)` (margin account); the
///   buying-power check multiplies it by its own leverage setting.
///
/// The correlation check needs periodic returns, which the kernel does not feed yet: with a
/// correlation limit configured it sees too few observations and passes.
public struct PreTradeRiskEngine: RiskGate {
    /// The BourseRisk engine (its state: throttles, reduce-only mode).
    public private(set) var engine: BourseRisk.RiskEngine
    private var snapshot: PortfolioSnapshot
    /// How many equity-curve points have been folded into ``peakRaw`` and ``startOfDay``.
    private var curveCursor = 0
    private var peakRaw: Int64
    /// The day of the last curve point scanned and the equity at the end of the day before it.
    private var lastDay: Int64?
    private var lastPointRaw: Int64
    private var previousDayCloseRaw: Int64

    /// An engine enforcing `configuration` on a portfolio of `instruments` starting with `startingCash`.
    public init(
        _ configuration: RiskConfiguration, instruments: [Instrument], startingCash: Money
    ) throws(EngineError) {
        do {
            engine = try BourseRisk.RiskEngine(configuration)
            snapshot = try PortfolioSnapshot(baseCurrency: startingCash.currency, equity: startingCash)
            for instrument in instruments { try snapshot.register(instrument) }
        } catch {
            throw .configuration("risk limits: \(error)")
        }
        peakRaw = startingCash.raw
        lastPointRaw = startingCash.raw
        previousDayCloseRaw = startingCash.raw
    }

    /// Turns reduce-only mode on or off (the kill switch's first action).
    public mutating func setReduceOnly(_ active: Bool) { engine.setReduceOnly(active) }

    public mutating func check(
        _ request: RiskRequest, portfolio: Portfolio, openOrders: () -> (buy: Quantity, sell: Quantity)
    ) throws(RiskEngineFailure) -> RiskDecision {
        if request.action != .cancel {
            do {
                try synchronize(portfolio, at: request.ts, instrument: request.instrumentID, openOrders: openOrders)
            } catch {
                throw RiskEngineFailure(reason: "the portfolio snapshot could not be updated: \(error)")
            }
        }
        return engine.evaluate(request, portfolio: snapshot)
    }

    /// Brings the snapshot up to date: marks and positions of every instrument, open orders of
    /// the request's instrument, account figures.
    private mutating func synchronize(
        _ portfolio: Portfolio, at ts: UnixNanos, instrument: InstrumentID,
        openOrders: () -> (buy: Quantity, sell: Quantity)
    ) throws(PortfolioError) {
        for (index, position) in portfolio.positions.enumerated() {
            if let price = portfolio.lastPrices[index] { try snapshot.updatePrice(position.instrumentID, price) }
            try snapshot.updatePosition(position)
        }
        if portfolio.index(of: instrument) != nil {
            let open = openOrders()
            try snapshot.updateOpenOrders(instrument, buy: open.buy, sell: open.sell)
        }
        let equity = portfolio.equityRaw
        scanCurve(portfolio, today: Portfolio.day(of: ts.rawValue))
        peakRaw = max(peakRaw, equity)
        let free: Int64
        switch portfolio.accountKind {
        case .cash: free = portfolio.cashRaw
        case .margin: free = max(0, equity - portfolio.marginUsedRaw)
        }
        let currency = portfolio.currency
        try snapshot.setAccount(
            equity: Money(uncheckedRaw: equity, currency: currency),
            startOfDayEquity: Money(uncheckedRaw: previousDayCloseRaw, currency: currency),
            peakEquity: Money(uncheckedRaw: peakRaw, currency: currency),
            freeCash: Money(uncheckedRaw: free, currency: currency))
    }

    /// Folds the equity-curve points recorded since the last call into the peak and the
    /// start-of-day equity (amortised O(1) per bar).
    private mutating func scanCurve(_ portfolio: Portfolio, today: Int64) {
        let times = portfolio.curveTimes
        let equity = portfolio.curveEquity
        // The last point may be replaced while its time repeats: scan it again.
        var i = max(0, curveCursor - 1)
        while i < times.count {
            let day = Portfolio.day(of: times[i])
            if let lastDay, day != lastDay { previousDayCloseRaw = lastPointRaw }
            lastDay = day
            lastPointRaw = equity[i]
            peakRaw = max(peakRaw, equity[i])
            i += 1
        }
        curveCursor = times.count
        if let lastDay, lastDay < today { previousDayCloseRaw = lastPointRaw }
    }
}
