public import BourseCore
public import BourseRisk

/// The kernel's risk engine backed by BourseRisk's pre-trade checks: before each decision it
/// brings a ``PortfolioSnapshot`` up to date from the kernel's ``Portfolio`` and hands the
/// request to `BourseRisk.RiskEngine`.
///
/// Account figures given to the checks:
/// - equity: the portfolio's equity now (cash + positions at the last marks);
/// - start-of-day and peak equity: see ``EquityMarks``;
/// - free cash: the cash (cash account) or `max(0, equity − margin used)` (margin account); the
///   buying-power check multiplies it by its own leverage setting.
///
/// The correlation check gets the close-to-close simple return of each bar the kernel processes
/// (``observeClose(_:index:close:at:)``), one per instrument and bar time: with several bar
/// streams of one instrument, a close at a time already seen is skipped.
public struct PreTradeRiskEngine: RiskGate {
    /// The BourseRisk engine (its state: throttles, reduce-only mode).
    public private(set) var engine: BourseRisk.RiskEngine
    private var snapshot: PortfolioSnapshot
    private var marks: EquityMarks
    /// The instruments in the kernel's order, and the last close and its time of each (for returns).
    private let instrumentIDs: [InstrumentID]
    private var lastClose: [Double]
    private var lastCloseTime: [Int64]
    /// Whether a correlation limit is configured (otherwise closes are not recorded).
    private let recordsReturns: Bool

    /// An engine enforcing `configuration` on a portfolio of `instruments` starting with `startingCash`.
    ///
    /// - Throws: ``EngineError/configuration(_:)`` for limits that make no sense, and for an
    ///   instrument quoted in another currency than `startingCash`'s: the engine has no exchange
    ///   rates, so it could value neither that instrument's orders and positions nor hold them to
    ///   money limits in the account's currency.
    public init(
        _ configuration: RiskConfiguration, instruments: [Instrument], startingCash: Money
    ) throws(EngineError) {
        let currency = startingCash.currency
        if let foreign = instruments.first(where: { $0.quoteCurrency != currency }) {
            throw .configuration(
                "risk limits: instrument \(foreign.id) is quoted in \(foreign.quoteCurrency.code), the account in \(currency.code), "
                    + "and the risk engine has no exchange rates: its orders cannot be held to limits in \(currency.code)")
        }
        do {
            engine = try BourseRisk.RiskEngine(configuration)
            snapshot = try PortfolioSnapshot(baseCurrency: startingCash.currency, equity: startingCash)
            for instrument in instruments { try snapshot.register(instrument) }
        } catch {
            throw .configuration("risk limits: \(error)")
        }
        marks = EquityMarks(startingCashRaw: startingCash.raw)
        instrumentIDs = instruments.map(\.id)
        lastClose = Array(repeating: .nan, count: instruments.count)
        lastCloseTime = Array(repeating: .min, count: instruments.count)
        recordsReturns = configuration.correlation != nil
    }

    /// Turns the engine's reduce-only mode on or off (the kernel's kill switch has its own
    /// reduce-only gate, before the engine).
    public mutating func setReduceOnly(_ active: Bool) { engine.setReduceOnly(active) }

    /// Records the close-to-close return of `instrumentID` for the correlation check (no allocation
    /// after an instrument's first return: its window is a preallocated ring).
    public mutating func observeClose(_ instrumentID: InstrumentID, index: Int, close: Price, at ts: Int64) {
        guard recordsReturns else { return }
        let slot: Int
        if index < instrumentIDs.count, instrumentIDs[index] == instrumentID {
            slot = index
        } else if let found = instrumentIDs.firstIndex(of: instrumentID) {
            slot = found
        } else {
            return
        }
        guard ts > lastCloseTime[slot] else { return }
        let price = close.doubleValue
        let previous = lastClose[slot]
        lastClose[slot] = price
        lastCloseTime[slot] = ts
        if previous > 0 { engine.recordReturn(instrumentID, price / previous - 1, at: UnixNanos(ts)) }
    }

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
        marks.update(portfolio, today: Portfolio.day(of: ts.rawValue))
        let free: Int64
        switch portfolio.accountKind {
        case .cash: free = portfolio.cashRaw
        case .margin: free = max(0, equity - portfolio.marginUsedRaw)
        }
        let currency = portfolio.currency
        try snapshot.setAccount(
            equity: Money(uncheckedRaw: equity, currency: currency),
            startOfDayEquity: Money(uncheckedRaw: marks.startOfDayRaw, currency: currency),
            peakEquity: Money(uncheckedRaw: marks.peakRaw, currency: currency),
            freeCash: Money(uncheckedRaw: free, currency: currency))
    }
}
