public import BourseCore
public import BourseIndicators

/// What a strategy sees of the kernel: data subscriptions, registered indicators, the order
/// factory and order commands, portfolio and account views, the clock and timers, a logger.
///
/// Commands are queued and run through risk → order manager → venue when the current
/// callback returns. A context belongs to one kernel and is not `Sendable`.
public final class StrategyContext {
    public let strategyID: StrategyID
    /// The instruments of the run.
    public let instruments: [Instrument]
    /// The bar types the run has data for (subscribe to the ones the strategy wants).
    public let availableBarTypes: [BarType]
    /// The portfolio (positions, cash, equity, exposure).
    public let portfolio: Portfolio
    /// Every order of the run.
    public let orders: OrderView
    let clock: TestClock

    @exclusivity(unchecked) var commands: [TradingCommand] = []
    var subscribedBarTypes: [BarType] = []
    var subscribedQuotes: [InstrumentID] = []
    var subscribedTrades: [InstrumentID] = []
    var indicators: [(BarType, RegisteredIndicator)] = []
    /// Set when subscriptions or indicators change, so the kernel rebuilds its tables.
    @exclusivity(unchecked) var routingChanged = true
    /// The bar types with an index (``barTypeIndex(_:)``): ``availableBarTypes`` first.
    private var indexedBarTypes: [BarType]
    /// The index (``barTypeIndex(_:)``) of the bar type of the bar ``Strategy/onBar(_:_:)`` is
    /// receiving: compare it with the indices kept from ``Strategy/onStart(_:)`` instead of
    /// comparing ``BarType`` values on every bar.
    @exclusivity(unchecked) public internal(set) var currentBarTypeIndex = 0
    /// Sized market orders not yet filled (they have no ``Order`` until their fill).
    var pendingSized: [(ClientOrderID, InstrumentID)] = []
    /// The strategy's log lines.
    public private(set) var logs: [LogLine] = []

    init(
        strategyID: StrategyID, instruments: [Instrument], barTypes: [BarType], portfolio: Portfolio,
        orders: OrderView, clock: TestClock
    ) {
        self.strategyID = strategyID
        self.instruments = instruments
        self.availableBarTypes = barTypes
        indexedBarTypes = barTypes
        self.portfolio = portfolio
        self.orders = orders
        self.clock = clock
    }

    // MARK: Clock and timers

    /// The kernel's current time.
    public var now: UnixNanos { clock.now }

    /// A repeating timer; ``Strategy/onTimer(_:_:)`` receives its ticks.
    public func setTimer(name: String, interval: Nanoseconds, start: UnixNanos? = nil, stop: UnixNanos? = nil) throws(ClockError) {
        try clock.setTimer(name: name, interval: interval, start: start, stop: stop)
    }

    /// A one-shot alert at `time`.
    public func setAlert(name: String, at time: UnixNanos) throws(ClockError) {
        try clock.setTimeAlert(name: name, at: time)
    }

    /// Cancels a timer or alert.
    @discardableResult
    public func cancelTimer(name: String) -> Bool { clock.cancelTimer(name: name) }

    // MARK: Data

    /// Delivers the bars of `barType` to ``Strategy/onBar(_:_:)``.
    public func subscribe(bars barType: BarType) {
        guard !subscribedBarTypes.contains(barType) else { return }
        subscribedBarTypes.append(barType)
        routingChanged = true
    }

    /// Stops delivering `barType`.
    public func unsubscribe(bars barType: BarType) {
        subscribedBarTypes.removeAll { $0 == barType }
        routingChanged = true
    }

    /// A small integer standing for `barType` in this run: its position in ``availableBarTypes``,
    /// or for another bar type (aggregated on the fly) a further index given on first request.
    /// ``currentBarTypeIndex`` tells which bar type the bar in ``Strategy/onBar(_:_:)`` has.
    ///
    /// ```swift
    /// let handle = context.barTypeIndex(barType)             // in onStart
    /// if context.currentBarTypeIndex == handle { ... }       // in onBar
    /// ```
    public func barTypeIndex(_ barType: BarType) -> Int {
        if let index = indexedBarTypes.firstIndex(of: barType) { return index }
        indexedBarTypes.append(barType)
        return indexedBarTypes.count - 1
    }

    /// Delivers the quotes of `instrument` to ``Strategy/onQuote(_:_:)``.
    public func subscribe(quotes instrument: InstrumentID) {
        if !subscribedQuotes.contains(instrument) { subscribedQuotes.append(instrument) }
        routingChanged = true
    }

    /// Delivers the trades of `instrument` to ``Strategy/onTrade(_:_:)``.
    public func subscribe(trades instrument: InstrumentID) {
        if !subscribedTrades.contains(instrument) { subscribedTrades.append(instrument) }
        routingChanged = true
    }

    /// Registers an indicator fed with the close of every bar of `barType`.
    public func register<I: Indicator>(_ indicator: I, on barType: BarType) -> IndicatorRef<I> where I.Input == Double {
        // The feed is made here, where `I` is concrete in the caller's specialization, and captures
        // nothing: each bar's update is a direct call.
        add(IndicatorRef(indicator) { ref, _, _, close in unsafeDowncast(ref, to: IndicatorRef<I>.self).update(close) }, on: barType)
    }

    /// Registers an indicator fed with the high, low, close and volume of every bar of `barType`.
    public func register<I: Indicator>(_ indicator: I, on barType: BarType) -> IndicatorRef<I> where I.Input == HLCV {
        add(IndicatorRef(indicator) { ref, bars, row, _ in unsafeDowncast(ref, to: IndicatorRef<I>.self).update(bars.hlcv(row)) }, on: barType)
    }

    private func add<I: Indicator>(_ ref: IndicatorRef<I>, on barType: BarType) -> IndicatorRef<I> {
        indicators.append((barType, ref))
        routingChanged = true
        return ref
    }

    // MARK: Portfolio and account

    /// The instrument with this id.
    public func instrument(_ id: InstrumentID) throws(EngineError) -> Instrument {
        guard let index = portfolio.index(of: id) else { throw .configuration("unknown instrument \(id)") }
        return instruments[index]
    }

    /// The (netting) position in `instrument`.
    public func position(_ instrument: InstrumentID) -> Position? { portfolio.position(instrument) }

    /// Cash, equity and exposure.
    public var cash: Money { portfolio.cash }
    public var equity: Money { portfolio.equity }

    // MARK: Order factory

    /// A market order.
    public func market(
        _ instrument: InstrumentID, _ side: OrderSide, quantity: Quantity, timeInForce: TimeInForce = .gtc,
        reduceOnly: Bool = false
    ) throws(OrderError) -> OrderInitialized {
        try OrderInitialized(
            clientOrderID: orders.nextClientOrderID(), strategyID: strategyID, instrumentID: instrument, side: side,
            type: .market, quantity: quantity, timeInForce: timeInForce, reduceOnly: reduceOnly, tsInit: now)
    }

    /// A limit order.
    public func limit(
        _ instrument: InstrumentID, _ side: OrderSide, quantity: Quantity, price: Price,
        timeInForce: TimeInForce = .gtc, reduceOnly: Bool = false
    ) throws(OrderError) -> OrderInitialized {
        try OrderInitialized(
            clientOrderID: orders.nextClientOrderID(), strategyID: strategyID, instrumentID: instrument, side: side,
            type: .limit, quantity: quantity, price: price, timeInForce: timeInForce, reduceOnly: reduceOnly, tsInit: now)
    }

    /// A stop-market order.
    public func stopMarket(
        _ instrument: InstrumentID, _ side: OrderSide, quantity: Quantity, triggerPrice: Price,
        timeInForce: TimeInForce = .gtc, reduceOnly: Bool = false
    ) throws(OrderError) -> OrderInitialized {
        try OrderInitialized(
            clientOrderID: orders.nextClientOrderID(), strategyID: strategyID, instrumentID: instrument, side: side,
            type: .stopMarket, quantity: quantity, triggerPrice: triggerPrice, timeInForce: timeInForce,
            reduceOnly: reduceOnly, tsInit: now)
    }

    /// Any order type, with every field (for the types the helpers above do not cover).
    public func order(
        _ instrument: InstrumentID, _ side: OrderSide, type: OrderType, quantity: Quantity, price: Price? = nil,
        triggerPrice: Price? = nil, trailingOffset: TrailingOffset? = nil, timeInForce: TimeInForce = .gtc,
        postOnly: Bool = false, reduceOnly: Bool = false
    ) throws(OrderError) -> OrderInitialized {
        try OrderInitialized(
            clientOrderID: orders.nextClientOrderID(), strategyID: strategyID, instrumentID: instrument, side: side,
            type: type, quantity: quantity, price: price, triggerPrice: triggerPrice, trailingOffset: trailingOffset,
            timeInForce: timeInForce, postOnly: postOnly, reduceOnly: reduceOnly, tsInit: now)
    }

    /// A bracket: entry (market, or limit at `entryPrice`), take-profit limit and stop-loss stop.
    public func bracket(
        _ instrument: InstrumentID, _ side: OrderSide, quantity: Quantity, entryPrice: Price? = nil,
        takeProfit: Price, stopLoss: Price
    ) throws(OrderError) -> BracketOrder {
        let entry = orders.nextClientOrderID()
        let listID: OrderListID
        do { listID = try OrderListID("L-" + entry.value) } catch { throw .invalidLinks("\(error)") }
        return try BracketOrder(
            orderListID: listID, entryID: entry, takeProfitID: orders.nextClientOrderID(),
            stopLossID: orders.nextClientOrderID(), strategyID: strategyID, instrumentID: instrument, side: side,
            quantity: quantity, entryPrice: entryPrice, takeProfitPrice: takeProfit, stopLossTriggerPrice: stopLoss,
            tsInit: now)
    }

    // MARK: Commands

    /// Submits an order.
    public func submit(_ order: OrderInitialized) { commands.append(.submit(order)) }

    /// Submits a bracket.
    public func submit(_ bracket: BracketOrder) { commands.append(.submitBracket(bracket)) }

    /// Submits a market order sized at its fill (see ``OrderSizing``); returns its id.
    @discardableResult
    public func submitMarket(_ instrument: InstrumentID, _ side: OrderSide, sizing: OrderSizing) -> ClientOrderID {
        let id = orders.nextClientOrderID()
        pendingSized.append((id, instrument))
        commands.append(
            .submitSized(
                SizedMarketOrder(
                    clientOrderID: id, strategyID: strategyID, instrumentID: instrument, side: side, sizing: sizing,
                    tsInit: now)))
        return id
    }

    /// Changes a working order.
    public func modify(_ order: ClientOrderID, quantity: Quantity? = nil, price: Price? = nil, triggerPrice: Price? = nil) {
        guard let existing = orders.order(order) else {
            log("modify: unknown order \(order)", level: .warning)
            return
        }
        commands.append(
            .modify(
                ModifyOrder(
                    clientOrderID: order, instrumentID: existing.instrumentID, quantity: quantity, price: price,
                    triggerPrice: triggerPrice)))
    }

    /// Cancels a working order.
    public func cancel(_ order: ClientOrderID) { commands.append(.cancel(order)) }

    /// Whether an order of `instrument` is working, or a sized market order waits for its fill.
    public func hasOpenOrders(_ instrument: InstrumentID) -> Bool {
        pendingSized.contains { $0.1 == instrument } || orders.openOrders.contains { $0.instrumentID == instrument }
    }

    /// Cancels every open order of `instrument` (all instruments when `nil`).
    public func cancelAll(_ instrument: InstrumentID? = nil) {
        for order in orders.openOrders where instrument == nil || order.instrumentID == instrument {
            commands.append(.cancel(order.clientOrderID))
        }
    }

    /// Closes the position in `instrument` with a reduce-only market order (nothing when flat).
    public func closePosition(_ instrument: InstrumentID) throws(OrderError) {
        guard let position = position(instrument), !position.isFlat else { return }
        submit(try market(instrument, position.isLong ? .sell : .buy, quantity: position.quantity, reduceOnly: true))
    }

    /// Cancels every open order and closes every position.
    public func closeAll() throws(OrderError) {
        cancelAll()
        for instrument in instruments { try closePosition(instrument.id) }
    }

    // MARK: Logger

    /// Appends a line to the strategy log, stamped with the kernel time.
    public func log(_ message: String, level: LogLine.Level = .info) {
        logs.append(LogLine(ts: now, level: level, message: message))
    }
}
