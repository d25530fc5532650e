public import BourseCore
import BourseData
public import BourseExecution
public import BourseRisk

/// The deterministic, single-threaded event loop: data engine → venue → (marks, indicators) →
/// strategy → risk → order manager → venue → portfolio → strategy.
///
/// Generic over the strategy, the risk engine and the venue, so the per-event calls are
/// specialized direct calls. One kernel runs one strategy instance; a sweep runs one kernel per task.
///
/// Every order command a strategy issues is published on ``commands``, checked by the
/// ``RiskGate`` (decision published on ``riskDecisions``), checked against the account
/// (funds, margin, no short sale in a cash account), then sent through BourseExecution's
/// `OrderManager` to the venue. The venue's order events update the order manager's book,
/// then the portfolio (fills), then reach the bus (``orderEvents``, ``positionEvents``) and
/// the strategy.
///
/// Per bar of instrument *i* (in the ``DataEngine`` order), with next-open fills:
/// 1. when orders work on *i*: the clock moves to the bar's open time (timers due by then
///    fire), *i* is marked at the open and the venue sees the open alone (market orders and
///    whatever the open gaps through fill at the open, stamped with the open time); then sized
///    market orders (``SizedMarketOrder``) are sized with the funds left and filled at the open;
/// 2. the clock moves to the bar's close time (timers due by then fire); the venue matches
///    the bar's intrabar path (fills stamped with the close time);
/// 3. *i* is marked at the close; MAE/MFE of an open trade are updated;
/// 4. indicators registered on the bar type are updated, then ``Strategy/onBar(_:_:)`` runs
///    (if subscribed) and its commands are processed;
/// 5. the equity curve records the equity at the bar's time.
/// With close fills (``FillTiming/currentBarClose``), step 1 is skipped and market orders fill
/// on arrival at the last close.
public final class Kernel<S: Strategy, R: RiskGate, V: BacktestVenue> {
    // The kernel is single-threaded and never overlaps accesses to its state, so the hot
    // properties skip the dynamic exclusivity checks.
    @exclusivity(unchecked) public private(set) var strategy: S
    public private(set) var risk: R
    public let clock: TestClock
    public let bus: MessageBus
    public let portfolio: Portfolio
    /// The order manager: Bourse's own book of the orders sent to the venue.
    public let oms: OrderManager<V>
    /// Every order of the run (sent or denied), as strategies and results see them.
    public let orders: OrderView
    public let context: StrategyContext
    /// Order events, published on the bus for any listener (recorders, journals, UIs).
    public let orderEvents: Topic<OrderEvent>
    /// Position events, published on the bus.
    public let positionEvents: Topic<PositionEvent>
    /// Every order command a strategy issued, before the risk check.
    public let commands: Topic<TradingCommand>
    /// Every risk decision (approved, modified, denied with check and reason).
    public let riskDecisions: Topic<RiskDecision>
    /// Every trip and reset of the kill switch (see `Kernel+KillSwitch.swift`).
    public let killSwitchEvents: Topic<KillSwitchStateChanged>
    /// The kill switch and what its triggers read.
    @exclusivity(unchecked) var safety: KernelKillSwitch

    /// Writes the journal when the run is journaled (``journal(to:)``); `nil`: nothing is recorded.
    public private(set) var recorder: JournalRecorder?

    @exclusivity(unchecked) var data: DataEngine
    /// Where the run is (``start()``, ``step(events:)``, ``finish()``).
    var phase = RunPhase.ready
    private let sizingRate: Rate
    private let barExecution: BarExecution
    @exclusivity(unchecked) var trackers: [TradeTracker]
    /// Completed round trips, in completion order.
    public internal(set) var trades: [RoundTrip] = []
    /// Every fill, in time order.
    public internal(set) var fills: [OrderFilled] = []

    /// Order events not yet delivered (a queue: delivering one may add more).
    @exclusivity(unchecked) private var events: [OrderEvent] = []
    private var eventCursor = 0
    /// Set while strategy commands are being processed: callbacks they cause only queue commands.
    private var draining = false
    /// The number of open orders at the venue (sent and not closed yet), in all and per instrument.
    @exclusivity(unchecked) private var liveCount = 0
    @exclusivity(unchecked) private var openCount: [Int]
    /// Sized market orders waiting for their fill price, per instrument.
    @exclusivity(unchecked) private var pendingSized: [[SizedMarketOrder]]
    /// Whether the venue has seen a bar of the instrument (auction orders need one).
    @exclusivity(unchecked) var venueSawBars: [Bool]
    /// The close time whose bar opens were last shown to the venue (``openAll(at:stream:row:)``).
    @exclusivity(unchecked) var openedAt = Int64.min
    /// Reused list of the opens to show at one close time.
    @exclusivity(unchecked) private var opensScratch: [(openTime: Int64, index: Int, bar: Bar)] = []
    private var unappliedSeen = 0

    // Routing tables rebuilt when subscriptions change (indexed by stream).
    @exclusivity(unchecked) private var deliverStream: [Bool] = []
    /// The indicators of every stream, stream after stream (``indicatorRanges`` gives each stream's),
    /// unretained: the context holds them for the whole run.
    @exclusivity(unchecked) private var indicators: [Unmanaged<RegisteredIndicator>] = []
    @exclusivity(unchecked) private var indicatorRanges: [Range<Int>] = []
    /// The strategy's index of each bar stream's bar type (``StrategyContext/barTypeIndex(_:)``).
    @exclusivity(unchecked) private var streamBarTypeIndex: [Int] = []
    @exclusivity(unchecked) private(set) var streamInstrument: [Int]
    /// The bar series of each stream (`nil` for tick streams), kept apart from the stream enum
    /// so the hot loop does not copy enum payloads.
    @exclusivity(unchecked) private var barSeries: [SeriesBox?]
    /// The same boxes, unretained, for the hot loop to borrow (``barSeries`` owns them).
    @exclusivity(unchecked) private var seriesRefs: [Unmanaged<SeriesBox>?]
    /// Whether each stream was aggregated on the fly from another (its bars only update
    /// indicators and reach the strategy: the source stream already matched orders and marked).
    @exclusivity(unchecked) private var isAggregated: [Bool]

    /// A kernel over `data`. `venue` must read `clock` (the kernel moves it); `sizingCommissionRate`
    /// is the commission fraction sized market orders reserve.
    public init(
        strategy: S, risk: R, venue: V, clock: TestClock, data: DataEngine, instruments: [Instrument],
        startingCash: Money, accountKind: AccountKind, sizingCommissionRate: Rate, strategyID: StrategyID
    ) throws(EngineError) {
        self.strategy = strategy
        self.risk = risk
        self.data = data
        self.clock = clock
        sizingRate = sizingCommissionRate
        barExecution = venue.barExecution
        bus = MessageBus()
        orderEvents = bus.topic(of: OrderEvent.self)
        positionEvents = bus.topic(of: PositionEvent.self)
        commands = bus.topic(of: TradingCommand.self)
        riskDecisions = bus.topic(of: RiskDecision.self)
        killSwitchEvents = bus.topic(of: KillSwitchStateChanged.self)
        safety = KernelKillSwitch(KillSwitchConfiguration(), startedAt: clock.now, startingCashRaw: startingCash.raw)
        portfolio = try Portfolio(
            instruments: instruments, startingCash: startingCash, accountKind: accountKind, strategyID: strategyID,
            reserveCurve: data.eventCount, curveTimeStep: data.commonStep)
        let oms = OrderManager(client: venue)
        self.oms = oms
        orders = OrderView(sentOrder: { oms.order($0) }, openSentOrders: { oms.openOrders() })
        var barTypes: [BarType] = []
        var streamInstrument: [Int] = []
        for stream in data.streams {
            if case .bars(let series) = stream { barTypes.append(series.barType) }
            guard let id = stream.instrumentID, let index = portfolio.index(of: id) else {
                throw .configuration("data stream for \(stream.instrumentID.map(String.init(describing:)) ?? "an empty stream") has no instrument in the configuration")
            }
            streamInstrument.append(index)
        }
        self.streamInstrument = streamInstrument
        barSeries = data.streams.map { if case .bars(let series) = $0 { SeriesBox(series) } else { nil } }
        seriesRefs = barSeries.map { $0.map(Unmanaged.passUnretained) }
        isAggregated = data.sources.map { $0 != nil }
        context = StrategyContext(
            strategyID: strategyID, instruments: instruments, barTypes: barTypes, portfolio: portfolio, orders: orders,
            clock: clock)
        trackers = Array(repeating: TradeTracker(), count: instruments.count)
        openCount = Array(repeating: 0, count: instruments.count)
        pendingSized = Array(repeating: [], count: instruments.count)
        venueSawBars = Array(repeating: false, count: instruments.count)
    }

    /// The venue the orders go to.
    public var venue: V { oms.client }

    /// Journals the run through `recorder`: the commands sent (before they are sent), the order
    /// events, the risk decisions and, when the recorder wants them, the market data marks.
    /// Call before ``run()``.
    public func journal(to recorder: JournalRecorder) {
        self.recorder = recorder
        let orders = self.orders
        bus.subscribe(commands) { recorder.noteSignal($0) }
        bus.subscribe(riskDecisions) { decision in recorder.keepingFailure { () throws(JournalError) in try recorder.record(decision) } }
        bus.subscribe(orderEvents) { event in
            recorder.keepingFailure { () throws(JournalError) in
                try recorder.record(event) { orders.order($0)?.initialized }
            }
        }
        bus.subscribe(killSwitchEvents) { change in
            recorder.keepingFailure { () throws(JournalError) in
                try recorder.recordKillSwitch(actor: change.who, action: change.auditAction, reason: change.why)
            }
        }
    }

    /// Journals an order command before the order manager sends it (no-op when not journaled).
    func willSend(_ command: JournalCommand) throws(EngineError) {
        guard let recorder else { return }
        do { try recorder.willSend(command) } catch { throw .journal("\(error)") }
    }

    /// Runs every event to the end, then ``Strategy/onStop(_:)`` (see `Kernel+Stepping.swift` to run in steps).
    public func run() throws(EngineError) {
        try start()
        try step(events: .max)
        try finish()
    }

    /// Processes at most `limit` events (fewer at the end of the data); returns how many it processed.
    func advance(events limit: Int) throws(EngineError) -> Int {
        var processed = 0
        while processed < limit {
            // A subscription change rebuilds the routing (and may add aggregated streams) before the next event.
            if context.routingChanged {
                guard let ts = data.nextTime else { break }
                try rebuildRouting(now: ts)
            }
            guard let (stream, all) = data.nextRun() else { break }
            let rows = all.lowerBound..<(all.lowerBound + min(all.count, limit - processed))
            let next = try process(stream: stream, rows: rows)
            if next < all.upperBound { data.giveBack(stream: stream, from: next) }
            processed += next - rows.lowerBound
        }
        return processed
    }

    /// Processes `rows` of `stream` in order (no other stream has an event between them) until
    /// the routing changes; returns the row after the last one processed.
    private func process(stream: Int, rows: Range<Int>) throws(EngineError) -> Int {
        guard let series = seriesRefs[stream] else {
            for row in rows {
                try tick(stream: stream, row: row)
                if context.routingChanged { return row + 1 }
            }
            return rows.upperBound
        }
        // The box is borrowed (no retain per bar): `barSeries` owns it for the whole run.
        var next = rows.upperBound
        var failure: EngineError?
        series._withUnsafeGuaranteedRef { box in
            do throws(EngineError) { next = try bars(box, rows: rows, stream: stream) } catch { failure = error }
        }
        if let failure { throw failure }
        return next
    }

    /// The bars `rows` of `stream`, until the routing changes; returns the row after the last one
    /// processed. Per bar: the opens of the instruments with work at its close time, the venue
    /// and the marks (not for an aggregated stream), the indicators, the strategy, the equity curve.
    @inline(__always)
    private func bars(_ box: SeriesBox, rows: Range<Int>, stream: Int) throws(EngineError) -> Int {
        // The routing holds until it changes (and then this loop stops): read it once.
        let aggregated = isAggregated[stream]
        let index = streamInstrument[stream]
        let feeds = indicatorRanges[stream]
        let delivers = deliverStream[stream]
        let barTypeIndex = streamBarTypeIndex[stream]
        for row in rows {
            let ts = box.timestamps[row]
            if let recorder, recorder.recordsMarketData { try mark(stream: stream, row: row, ts: ts, recorder) }
            try marketDataArriving(at: ts)
            if barExecution == .nextBarOpen && ts != openedAt { try openAll(at: ts, stream: stream, row: row) }
            if !aggregated { try venueAndMarks(box, row: row, index: index, ts: ts) }
            if !feeds.isEmpty {
                let close = box.closeValue(row)
                for i in feeds { indicators[i]._withUnsafeGuaranteedRef { $0.feed($0, box, row, close) } }
            }
            if delivers {
                context.currentBarTypeIndex = barTypeIndex
                let bar = box.bar(row)
                try call { (s: inout S, c) throws in try s.onBar(bar, c) }
            }
            // An aggregated stream's bars only update indicators and reach the strategy: its source
            // stream already matched orders, marked and recorded the equity.
            if !aggregated { portfolio.recordEquity(at: ts) }
            try marketDataProcessed(at: ts)
            if context.routingChanged { return row + 1 }
        }
        return rows.upperBound
    }

    /// One quote or trade.
    private func tick(stream: Int, row: Int) throws(EngineError) {
        let ts = data.time(stream: stream, row: row)
        if let recorder, recorder.recordsMarketData { try mark(stream: stream, row: row, ts: ts, recorder) }
        try marketDataArriving(at: ts)
        try advanceClock(to: ts)
        switch data.streams[stream] {
        case .bars: break
        case .quotes(let quotes):
            let quote = quotes[row]
            try fromVenue { $0.process(quote: quote, events: &$1) }
            portfolio.mark(streamInstrument[stream], price: quote.mid)
            if deliverStream[stream] { try call { (s: inout S, c) throws in try s.onQuote(quote, c) } }
            portfolio.recordEquity(at: ts)
        case .trades(let prints):
            let trade = prints[row]
            try fromVenue { $0.process(trade: trade, events: &$1) }
            portfolio.mark(streamInstrument[stream], price: trade.price)
            if deliverStream[stream] { try call { (s: inout S, c) throws in try s.onTrade(trade, c) } }
            portfolio.recordEquity(at: ts)
        }
        try marketDataProcessed(at: ts)
    }

    /// Journals the delivery of row `row` of `stream` (market data journaling on).
    private func mark(stream: Int, row: Int, ts: Int64, _ recorder: JournalRecorder) throws(EngineError) {
        let instrumentID = portfolio.instruments[streamInstrument[stream]].id
        do { try recorder.recordMarketData(instrumentID: instrumentID, index: Int64(row), tsEvent: UnixNanos(ts)) } catch {
            throw .journal("\(error)")
        }
    }

    /// When the data begins (the first bar's open time), for reports.
    public var dataStart: UnixNanos? { data.firstOpenTime }

    /// Round trips still open at the end, valued at the last marks.
    public var openTrades: [RoundTrip] {
        trackers.indices.compactMap { trackers[$0].openTrip(position: portfolio.positions[$0], mark: portfolio.lastPrices[$0]) }
    }

    // MARK: Market data

    /// The venue's and the portfolio's part of a bar of instrument `index`: the clock moves to
    /// its close, the venue matches it when orders work (or it needs a first bar), the instrument
    /// is marked at the close and an open trade's excursions are updated.
    @inline(__always)
    private func venueAndMarks(_ box: SeriesBox, row: Int, index: Int, ts: Int64) throws(EngineError) {
        if openCount[index] > 0 || !pendingSized[index].isEmpty || barExecution == .onClose || !venueSawBars[index] {
            try venue(box, row: row, index: index, ts: ts)
        } else {
            try advanceClock(to: ts)
        }
        let close = box.price(box.closes[row])
        portfolio.mark(index, price: close)
        risk.observeClose(portfolio.instruments[index].id, index: index, close: close, at: ts)
        if portfolio.hasPosition(index) {
            trackers[index].observe(high: Double(box.highs[row]) / box.priceScale, low: Double(box.lows[row]) / box.priceScale)
        }
    }

    /// The venue matches a bar of instrument `index` (kept out of the bar loop's fast path).
    @inline(never)
    private func venue(_ box: SeriesBox, row: Int, index: Int, ts: Int64) throws(EngineError) {
        let bar = box.bar(row)
        try advanceClock(to: ts)
        try fromVenue { $0.process(bar: bar, events: &$1) }
        venueSawBars[index] = true
        // Close fills: sized orders queued before the instrument had a price fill at this close.
        if barExecution == .onClose && !pendingSized[index].isEmpty { try submitSized(index, price: bar.close) }
    }

    /// Next-open fills: before any bar closing at `ts` is processed, every instrument with working
    /// or waiting orders sees its bar's open (earliest open first). So with several instruments,
    /// an order decided on one instrument's close never fills at an open that came before it, and
    /// fills are stamped with their open time, not a later instrument's close.
    @inline(__always)
    private func openAll(at ts: Int64, stream: Int, row: Int) throws(EngineError) {
        openedAt = ts
        // Nothing works at the venue and no sized order waits: no open to show.
        guard liveCount > 0 || !context.pendingSized.isEmpty else { return }
        try showOpens(at: ts, stream: stream, row: row)
    }

    @inline(never)
    private func showOpens(at ts: Int64, stream: Int, row: Int) throws(EngineError) {
        opensScratch.removeAll(keepingCapacity: true)
        for s in barSeries.indices where !isAggregated[s] {
            guard let box = barSeries[s], let r = s == stream ? row : data.pendingRow(of: s, at: ts) else { continue }
            let index = streamInstrument[s]
            guard openCount[index] > 0 || !pendingSized[index].isEmpty else { continue }
            // Kept sorted by open time as they come (stable: equal open times keep the stream order).
            let openTime = ts - box.duration
            var at = opensScratch.count
            while at > 0 && opensScratch[at - 1].openTime > openTime { at -= 1 }
            opensScratch.insert((openTime, index, box.bar(r)), at: at)
        }
        for open in opensScratch { try openPhase(open.bar, index: open.index, openTime: open.openTime) }
    }

    /// The venue sees the bar's open alone (a bar with every price at the open, stamped with the
    /// open time): orders the open reaches fill there; then the waiting sized orders are sized
    /// with the funds left and filled at the open too.
    private func openPhase(_ bar: Bar, index: Int, openTime: Int64) throws(EngineError) {
        try advanceClock(to: openTime)
        portfolio.mark(index, price: bar.open)
        let time = UnixNanos(max(openTime, clock.now.rawValue))
        let open = Bar(
            unchecked: bar.barType, open: bar.open, high: bar.open, low: bar.open, close: bar.open, volume: bar.volume,
            tsEvent: time, tsInit: time)
        if openCount[index] > 0 { try fromVenue { $0.process(bar: open, events: &$1) } }
        guard !pendingSized[index].isEmpty else { return }
        try submitSized(index, price: bar.open)
        if openCount[index] > 0 { try fromVenue { $0.process(bar: open, events: &$1) } }
    }

    @inline(__always)
    private func advanceClock(to ts: Int64) throws(EngineError) {
        guard ts > clock.now.rawValue else { return }
        if liveCount == 0 && clock.advanceIfNothingDue(to: UnixNanos(ts)) { return }
        try advanceClock(dueBy: ts)
    }

    /// Moves the clock to `ts`: the timers due by then fire, then the venue's own timed work.
    @inline(never)
    private func advanceClock(dueBy ts: Int64) throws(EngineError) {
        let due: [TimeEvent]
        do { due = try clock.advance(to: UnixNanos(ts)) } catch { throw .data("\(error)") }
        for event in due { try call { (s: inout S, c) throws in try s.onTimer(event, c) } }
        // Only orders at the venue (counted in `liveCount`) give it work of its own to time.
        if liveCount > 0, let next = oms.client.nextEventTime, next <= clock.now {
            try fromVenue { $0.advanceTime(events: &$1) }
        }
    }

    // MARK: Strategy callbacks and commands

    /// Runs a strategy callback, then the commands it queued (and those their events queue).
    @inline(__always)
    func call(_ body: (inout S, StrategyContext) throws -> Void) throws(EngineError) {
        do { try body(&strategy, context) } catch let error as EngineError { throw error } catch {
            throw .strategy("\(S.name): \(error)")
        }
        if !context.commands.isEmpty && !draining { try drainCommands() }
    }

    /// Processes the queued commands one at a time, in order: each command's events (and the
    /// events already waiting) are delivered before the next command runs, so it sees their
    /// effect (e.g. a sized order after the close it follows). Commands queued by the callbacks
    /// those events cause join the end of the queue.
    private func drainCommands() throws(EngineError) {
        draining = true
        defer { draining = false }
        while !context.commands.isEmpty {
            let command = context.commands.removeFirst()
            if bus.hasSubscribers(commands) { bus.publish(command, on: commands) }
            switch command {
            case .submit(let order): try submit(order, referencePrice: nil)
            case .submitBracket(let bracket): try submit(bracket)
            case .submitSized(let order): try queue(order)
            case .modify(let modify): try self.modify(modify)
            case .cancel(let id): try cancel(id)
            }
        }
    }

    /// Asks the kill switch, then the risk engine, and publishes the decision; a failure of the
    /// engine is a denial (returned as its reason, not published: it is no decision of a check).
    private func decide(_ request: RiskRequest) -> Result<RiskDecision, RiskEngineFailure> {
        let decision: RiskDecision
        if let stopped = killSwitchDecision(request) {
            decision = stopped
        } else {
            do {
                decision = try risk.check(request, portfolio: portfolio) { openQuantities(request.instrumentID) }
            } catch {
                return .failure(error)
            }
        }
        if bus.hasSubscribers(riskDecisions) { bus.publish(decision, on: riskDecisions) }
        return .success(decision)
    }

    /// The quantities still to fill of the open buy and sell orders in an instrument.
    func openQuantities(_ instrumentID: InstrumentID) -> (buy: Quantity, sell: Quantity) {
        let precision = portfolio.index(of: instrumentID).map { portfolio.instruments[$0].sizePrecision } ?? 0
        let (buy, sell) = oms.openLeavesRaw(instrumentID: instrumentID)
        return (Quantity(uncheckedRaw: buy, precision: precision), Quantity(uncheckedRaw: sell, precision: precision))
    }

    /// Risk, account, then the order manager.
    private func submit(_ initialized: OrderInitialized, referencePrice: Price?) throws(EngineError) {
        guard let index = portfolio.index(of: initialized.instrumentID) else {
            return try deny(initialized, reason: "unknown instrument \(initialized.instrumentID)")
        }
        var order = initialized
        switch decide(RiskRequest.submit(order)).map(\.outcome) {
        case .failure(let failure): return try deny(order, reason: failure.description)
        case .success(.denied(let denial)): return try deny(order, reason: denial.description)
        case .success(.modified(let quantity, _)): order = try Self.order(order, quantity: quantity)
        case .success(.approved): break
        }
        if let reason = accountRefusal(order, index: index, referencePrice: referencePrice) {
            return try deny(order, reason: reason)
        }
        try submitToOrderManager(order, index: index)
    }

    /// Journals (when journaled) and sends one order that passed every check, or needs none.
    func submitToOrderManager(_ order: OrderInitialized, index: Int) throws(EngineError) {
        let command = SubmitOrder(order: order, tsInit: clock.now)
        try willSend(.submit(command))
        do { try oms.submit(command, events: &events) } catch { throw Self.refusedSend(error) }
        recordSent(order, index: index)
        try afterOrderManager()
    }

    /// A bracket: the risk engine and the account judge the entry; a reduced entry quantity
    /// reduces the take-profit and stop-loss with it.
    private func submit(_ initial: BracketOrder) throws(EngineError) {
        guard let index = portfolio.index(of: initial.entry.instrumentID) else {
            for order in initial.orders { try deny(order, reason: "unknown instrument \(order.instrumentID)") }
            return
        }
        var bracket = initial
        switch decide(RiskRequest.submit(bracket.entry)).map(\.outcome) {
        case .failure(let failure):
            for order in bracket.orders { try deny(order, reason: failure.description) }
            return
        case .success(.denied(let denial)):
            for order in bracket.orders { try deny(order, reason: denial.description) }
            return
        case .success(.modified(let quantity, _)):
            guard let takeProfit = initial.takeProfit.price, let stopLoss = initial.stopLoss.triggerPrice else {
                throw .orderState("bracket \(initial.orderListID) has no take-profit or stop-loss price")
            }
            do {
                bracket = try BracketOrder(
                    orderListID: initial.orderListID, entryID: initial.entry.clientOrderID,
                    takeProfitID: initial.takeProfit.clientOrderID, stopLossID: initial.stopLoss.clientOrderID,
                    strategyID: initial.entry.strategyID, instrumentID: initial.entry.instrumentID, side: initial.entry.side,
                    quantity: quantity, entryPrice: initial.entry.price, takeProfitPrice: takeProfit,
                    stopLossTriggerPrice: stopLoss,
                    timeInForce: initial.entry.timeInForce, tsInit: initial.entry.tsInit)
            } catch { throw .orderState("\(error)") }
        case .success(.approved): break
        }
        if let reason = accountRefusal(bracket.entry, index: index, referencePrice: nil) {
            for order in bracket.orders { try deny(order, reason: reason) }
            return
        }
        let list: SubmitOrderList
        do { list = try SubmitOrderList(bracket: bracket, tsInit: clock.now) } catch { throw .orderState("\(error)") }
        try willSend(.submitList(list))
        do { try oms.submit(list, events: &events) } catch { throw Self.refusedSend(error) }
        for order in bracket.orders { recordSent(order, index: index) }
        try afterOrderManager()
    }

    /// Counts an order the order manager took as open at the venue (its events are delivered next).
    @inline(__always)
    private func recordSent(_ order: OrderInitialized, index: Int) {
        orders.recordSent(order.clientOrderID)
        liveCount += 1
        openCount[index] += 1
    }

    /// The order manager refused a submission: only a reused client order id gets here (the
    /// strategy broke the id contract).
    private static func refusedSend(_ error: OrderManagerError) -> EngineError { .orderState("\(error)") }

    /// Queues a sized market order until its fill price is known.
    private func queue(_ sized: SizedMarketOrder) throws(EngineError) {
        guard let index = portfolio.index(of: sized.instrumentID) else {
            context.pendingSized.removeAll { $0.0 == sized.clientOrderID }
            context.log("sized order \(sized.clientOrderID): unknown instrument \(sized.instrumentID)", level: .error)
            return
        }
        pendingSized[index].append(sized)
        if barExecution == .onClose, let price = portfolio.lastPrices[index] { try submitSized(index, price: price) }
    }

    /// Sizes the waiting sized market orders of instrument `index` at `price` and submits them.
    private func submitSized(_ index: Int, price: Price) throws(EngineError) {
        let waiting = pendingSized[index]
        pendingSized[index].removeAll(keepingCapacity: true)
        let instrument = portfolio.instruments[index]
        for sized in waiting {
            context.pendingSized.removeAll { $0.0 == sized.clientOrderID }
            let fraction: Double
            switch sized.sizing {
            case .allAvailableFunds: fraction = 1
            case .fractionOfFunds(let f): fraction = min(max(f, 0), 1)
            }
            guard let quantity = Self.affordableQuantity(
                buyingPowerRaw: portfolio.buyingPowerRaw, fraction: fraction, price: price, instrument: instrument,
                commissionRate: sizingRate)
            else {
                context.log("sized order \(sized.clientOrderID) for \(sized.instrumentID): funds cover no lot at \(price)", level: .warning)
                continue
            }
            let order: OrderInitialized
            do {
                order = try OrderInitialized(
                    clientOrderID: sized.clientOrderID, strategyID: sized.strategyID, instrumentID: sized.instrumentID,
                    side: sized.side, type: .market, quantity: quantity, tsInit: clock.now)
            } catch { throw .orderState("\(error)") }
            try submit(order, referencePrice: price)
        }
    }

    private func modify(_ m: ModifyOrder) throws(EngineError) {
        guard let order = oms.order(m.clientOrderID), !order.isClosed else {
            context.log("modify: \(m.clientOrderID) is not an open order", level: .warning)
            return
        }
        let request: RiskRequest
        do {
            request = try RiskRequest.modify(order, quantity: m.quantity, price: m.price, triggerPrice: m.triggerPrice, at: clock.now)
        } catch {
            return try rejectModify(order, reason: error.description)
        }
        var quantity = m.quantity
        switch decide(request).map(\.outcome) {
        case .failure(let failure): return try rejectModify(order, reason: failure.description)
        case .success(.denied(let denial)): return try rejectModify(order, reason: denial.description)
        case .success(.modified(let reduced, _)): quantity = reduced
        case .success(.approved): break
        }
        let command = BourseExecution.ModifyOrder(
            clientOrderID: order.clientOrderID, strategyID: order.strategyID, instrumentID: order.instrumentID,
            quantity: quantity, price: m.price, triggerPrice: m.triggerPrice, tsInit: clock.now)
        try willSend(.modify(command))
        do { try oms.modify(command, events: &events) } catch {
            return try rejectModify(order, reason: error.description)
        }
        try afterOrderManager()
    }

    /// A modification that does not reach the venue: `OrderModifyRejected` with the reason.
    private func rejectModify(_ order: Order, reason: String) throws(EngineError) {
        let event = OrderEvent.modifyRejected(OrderModifyRejected(
            clientOrderID: order.clientOrderID, strategyID: order.strategyID, instrumentID: order.instrumentID,
            venueOrderID: order.venueOrderID, accountID: order.accountID, reason: reason, tsEvent: clock.now))
        oms.apply(event)
        events.append(event)
        try afterOrderManager()
    }

    func cancel(_ id: ClientOrderID) throws(EngineError) {
        if let index = pendingSized.firstIndex(where: { $0.contains { $0.clientOrderID == id } }) {
            pendingSized[index].removeAll { $0.clientOrderID == id }
            context.pendingSized.removeAll { $0.0 == id }
            context.log("sized order \(id) canceled before it was sized", level: .info)
            return
        }
        guard let order = oms.order(id), !order.isClosed else {
            context.log("cancel: \(id) is not an open order", level: .warning)
            return
        }
        // Cancels always pass; the decision still counts towards the message rate.
        _ = decide(RiskRequest.cancel(order, at: clock.now))
        let command = CancelOrder(clientOrderID: id, strategyID: order.strategyID, instrumentID: order.instrumentID, tsInit: clock.now)
        try willSend(.cancel(command))
        do { try oms.cancel(command, events: &events) } catch {
            context.log("cancel of \(id): \(error)", level: .warning)
            return
        }
        try afterOrderManager()
    }

    /// An order that never reaches the order manager: recorded and `OrderDenied` delivered.
    private func deny(_ initialized: OrderInitialized, reason: String) throws(EngineError) {
        let event = OrderEvent.denied(OrderDenied(
            clientOrderID: initialized.clientOrderID, strategyID: initialized.strategyID,
            instrumentID: initialized.instrumentID, reason: reason, tsEvent: clock.now))
        var order = Order(initialized)
        do { try order.apply(event) } catch { throw .orderState("\(error)") }
        orders.recordDenied(order)
        events.append(event)
        try deliverEvents()
    }

    /// The account's own rule for a new order, at its limit or trigger price, else `referencePrice`,
    /// else the last mark: funds and margin after the fill (commission included), no short sale in a
    /// cash account. `nil` when the order passes (or no price is known yet).
    private func accountRefusal(_ order: OrderInitialized, index: Int, referencePrice: Price?) -> String? {
        guard let price = order.price ?? order.triggerPrice ?? referencePrice ?? portfolio.lastPrices[index] else { return nil }
        let notional = (try? portfolio.instruments[index].notional(quantity: order.quantity, price: price).raw) ?? .max
        let fee = CommissionModel.fee(notionalRaw: notional, rate: sizingRate, rule: .up)
        return portfolio.refusal(index: index, side: order.side, quantity: order.quantity, price: price, commissionRaw: fee)
    }

    /// `order` with another quantity (a risk reduction).
    private static func order(_ o: OrderInitialized, quantity: Quantity) throws(EngineError) -> OrderInitialized {
        do {
            return try OrderInitialized(
                clientOrderID: o.clientOrderID, strategyID: o.strategyID, instrumentID: o.instrumentID, side: o.side,
                type: o.type, quantity: quantity, price: o.price, triggerPrice: o.triggerPrice,
                trailingOffset: o.trailingOffset, timeInForce: o.timeInForce, postOnly: o.postOnly,
                reduceOnly: o.reduceOnly, links: o.links, tsInit: o.tsInit)
        } catch { throw .orderState("\(error)") }
    }

    /// `floor(fraction × buying power / (price × (1 + rate)))`, in whole lots; `nil` for zero.
    static func affordableQuantity(
        buyingPowerRaw: Int64, fraction: Double, price: Price, instrument: Instrument, commissionRate: Rate
    ) -> Quantity? {
        guard price.raw > 0, buyingPowerRaw > 0 else { return nil }
        // Cost of one lot in raw currency units × rate scale, exactly.
        guard let lotNotional = try? instrument.notional(quantity: instrument.lotSize, price: price).raw, lotNotional > 0
        else { return nil }
        let rateScale = Int128(FixedPoint.scale(commissionRate.precision))
        let costPerLot = Int128(lotNotional) * (rateScale + Int128(max(commissionRate.raw, 0)))
        var power = Int128(buyingPowerRaw)
        if fraction < 1 { power = Int128(Double(buyingPowerRaw) * fraction) }
        let lots = power * rateScale / costPerLot
        guard lots > 0, let lotsRaw = Int64(exactly: lots) else { return nil }
        let (raw, overflow) = lotsRaw.multipliedReportingOverflow(by: instrument.lotSize.raw)
        guard !overflow else { return nil }
        return Quantity(uncheckedRaw: raw, precision: instrument.sizePrecision)
    }

    // MARK: Order events

    /// Runs a venue driver method; the order manager applies what it produced, then it is delivered.
    @inline(__always)
    private func fromVenue(_ body: (V, inout [OrderEvent]) -> Void) throws(EngineError) {
        let start = events.count
        body(oms.client, &events)
        guard events.count > start else { return }
        oms.apply(events[start...])
        try afterOrderManager()
    }

    /// Checks that the order manager's book took every event, then delivers them.
    private func afterOrderManager() throws(EngineError) {
        if oms.unappliedEvents.count != unappliedSeen {
            let (event, reason) = oms.unappliedEvents[unappliedSeen]
            unappliedSeen = oms.unappliedEvents.count
            throw .orderState("the order book refused \(event.kind) for \(event.clientOrderID): \(reason)")
        }
        try deliverEvents()
    }

    /// Delivers the queued events in order. Re-entrant: a command issued while an event is being
    /// handled delivers the events after it (its own included) before returning; the shared
    /// cursor hands each event out once.
    private func deliverEvents() throws(EngineError) {
        while eventCursor < events.count {
            let event = events[eventCursor]
            eventCursor += 1
            try handle(event)
        }
        events.removeAll(keepingCapacity: true)
        eventCursor = 0
    }

    private func handle(_ event: OrderEvent) throws(EngineError) {
        if case .rejected = event { try venueRejectedOrder() }
        switch event {
        case .filled, .canceled, .expired, .rejected:
            // Only these can close an order at the venue; every order at the venue was sent (and
            // counted) by `send`, and the order manager takes one closing event per order.
            if oms.status(of: event.clientOrderID)?.isClosed == true, let index = portfolio.index(of: event.instrumentID) {
                liveCount -= 1
                openCount[index] -= 1
            }
        default:
            break
        }
        guard case .filled(let fill) = event else { return try dispatch(event) }
        guard let index = portfolio.index(of: fill.instrumentID) else {
            throw .accounting("fill of \(fill.clientOrderID) for unknown instrument \(fill.instrumentID)")
        }
        let before = portfolio.positions[index]
        let positionEvent = try portfolio.apply(fill: fill, index: index)
        fills.append(fill)
        if let trip = trackers[index].record(fill: fill, before: before, after: positionEvent.position) { trades.append(trip) }
        try dispatch(event)
        if bus.hasSubscribers(positionEvents) { bus.publish(positionEvent, on: positionEvents) }
        try call { (s: inout S, c) throws in try s.onPositionEvent(positionEvent, c) }
    }

    @inline(__always)
    private func dispatch(_ event: OrderEvent) throws(EngineError) {
        if bus.hasSubscribers(orderEvents) { bus.publish(event, on: orderEvents) }
        try call { (s: inout S, c) throws in try s.onOrderEvent(event, c) }
    }

    /// Rebuilds the routing tables after a subscription change; a subscribed bar type the data
    /// lacks is aggregated on the fly from a finer bar stream of its instrument (bars closing
    /// from `now` on).
    private func rebuildRouting(now: Int64) throws(EngineError) {
        context.routingChanged = false
        var present = data.streams.compactMap { if case .bars(let series) = $0 { series.barType } else { nil } }
        for barType in context.subscribedBarTypes + context.indicators.map(\.0) where !present.contains(barType) {
            present.append(barType)
            let added = try data.addAggregated(barType, from: now)
            guard case .bars(let series) = data.streams[added], let source = data.sources[added] else { continue }
            streamInstrument.append(streamInstrument[source])
            let box = SeriesBox(series)
            barSeries.append(box)
            seriesRefs.append(Unmanaged.passUnretained(box))
            isAggregated.append(true)
        }
        deliverStream = data.streams.map { stream in
            switch stream {
            case .bars(let series): context.subscribedBarTypes.contains(series.barType)
            case .quotes: stream.instrumentID.map(context.subscribedQuotes.contains) ?? false
            case .trades: stream.instrumentID.map(context.subscribedTrades.contains) ?? false
            }
        }
        streamBarTypeIndex = data.streams.map { stream in
            if case .bars(let series) = stream { context.barTypeIndex(series.barType) } else { -1 }
        }
        indicators.removeAll()
        indicatorRanges = data.streams.map { stream in
            let start = indicators.count
            if case .bars(let series) = stream {
                for (barType, indicator) in context.indicators where barType == series.barType {
                    indicators.append(Unmanaged.passUnretained(indicator))
                }
            }
            return start..<indicators.count
        }
    }
}
