public import BourseCore
public import BourseData

/// The deterministic, single-threaded event loop: data engine → (venue matching, marks,
/// indicators) → strategy → risk → order manager → venue → portfolio → strategy.
///
/// Generic over the strategy and the risk engine, so the per-event calls are specialized
/// direct calls. One kernel runs one strategy instance; a sweep runs one kernel per task.
///
/// Per bar of instrument *i* (in the ``DataEngine`` order):
/// 1. timers due at or before the bar's close time fire (``Strategy/onTimer(_:_:)``);
/// 2. the venue fills what the bar allows: waiting market orders at the open, sized market
///    orders next, then resting limit/stop orders along the intrabar path (see ``BarFillSimulator``);
/// 3. instrument *i* is marked at the close; MAE/MFE of an open trade are updated;
/// 4. indicators registered on the bar type are updated, then ``Strategy/onBar(_:_:)`` runs
///    (if subscribed) and its commands are processed;
/// 5. the equity curve records the equity at the bar's time.
public final class Kernel<S: Strategy, R: RiskEngine> {
    // The kernel is single-threaded and never overlaps accesses to its state, so the hot
    // properties skip the dynamic exclusivity checks (a measured 15 % of the run time).
    @exclusivity(unchecked) public private(set) var strategy: S
    public private(set) var risk: R
    public let clock: TestClock
    public let bus: MessageBus
    public let portfolio: Portfolio
    public let orders: OrderManager
    public let context: StrategyContext
    /// Order events, published on the bus for any listener (recorders, journals, UIs).
    public let orderEvents: Topic<OrderEvent>
    /// Position events, published on the bus.
    public let positionEvents: Topic<PositionEvent>

    @exclusivity(unchecked) private var data: DataEngine
    @exclusivity(unchecked) private var venue: BarFillSimulator
    @exclusivity(unchecked) private var commission: CommissionModel
    private let accountID: AccountID
    @exclusivity(unchecked) private var trackers: [TradeTracker]
    /// Completed round trips, in completion order.
    public private(set) var trades: [RoundTrip] = []
    /// Every fill, in time order.
    public private(set) var fills: [OrderFilled] = []

    // Routing tables rebuilt when subscriptions change (indexed by stream).
    private var deliverStream: [Bool] = []
    private var indicatorsByStream: [[RegisteredIndicator]] = []
    private var streamInstrument: [Int]
    /// The bar series of each stream (`nil` for tick streams), kept apart from the stream enum
    /// so the hot loop does not copy enum payloads.
    private var barSeries: [SeriesBox?]
    /// Whether each stream was aggregated on the fly from another (its bars only update
    /// indicators and reach the strategy: the source stream already matched orders and marked).
    private var isAggregated: [Bool]

    /// A kernel over `data` with the given components.
    public init(
        strategy: S, risk: R, data: DataEngine, instruments: [Instrument], startingCash: Money,
        accountKind: AccountKind, commission: CommissionModel, fillTiming: FillTiming, strategyID: StrategyID,
        accountID: AccountID, startTime: UnixNanos = .zero
    ) throws(EngineError) {
        self.strategy = strategy
        self.risk = risk
        self.data = data
        self.commission = commission
        self.accountID = accountID
        clock = TestClock(now: startTime)
        bus = MessageBus()
        orderEvents = bus.topic(of: OrderEvent.self)
        positionEvents = bus.topic(of: PositionEvent.self)
        portfolio = try Portfolio(
            instruments: instruments, startingCash: startingCash, accountKind: accountKind, strategyID: strategyID,
            reserveCurve: data.eventCount)
        orders = OrderManager()
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
        isAggregated = data.sources.map { $0 != nil }
        context = StrategyContext(
            strategyID: strategyID, instruments: instruments, barTypes: barTypes, portfolio: portfolio, orders: orders,
            clock: clock)
        venue = BarFillSimulator(instrumentCount: instruments.count, fillTiming: fillTiming)
        trackers = Array(repeating: TradeTracker(), count: instruments.count)
    }

    /// Runs every event to the end, then ``Strategy/onStop(_:)``.
    public func run() throws(EngineError) {
        try call { (s: inout S, c) throws in try s.onStart(c) }
        while let (stream, row) = data.next() {
            let ts = data.time(stream: stream, row: row)
            if ts > clock.now.rawValue { try advanceClock(to: ts) }
            if context.routingChanged { try rebuildRouting(now: ts) }
            if let box = barSeries[stream] {
                try process(box, row: row, stream: stream)
                continue
            }
            switch data.streams[stream] {
            case .bars: break
            case .quotes(let quotes):
                let quote = quotes[row]
                portfolio.mark(streamInstrument[stream], price: quote.mid)
                if deliverStream[stream] { try call { (s: inout S, c) throws in try s.onQuote(quote, c) } }
                portfolio.recordEquity(at: ts)
            case .trades(let prints):
                let trade = prints[row]
                portfolio.mark(streamInstrument[stream], price: trade.price)
                if deliverStream[stream] { try call { (s: inout S, c) throws in try s.onTrade(trade, c) } }
                portfolio.recordEquity(at: ts)
            }
        }
        try call { (s: inout S, c) throws in try s.onStop(c) }
        portfolio.finishCurve()
    }

    /// When the data begins (the first bar's open time), for reports.
    public var dataStart: UnixNanos? { data.firstOpenTime }

    /// Round trips still open at the end, valued at the last marks.
    public var openTrades: [RoundTrip] {
        trackers.indices.compactMap { trackers[$0].openTrip(position: portfolio.positions[$0], mark: portfolio.lastPrices[$0]) }
    }

    // MARK: Event handling

    @inline(__always)
    private func process(_ box: SeriesBox, row: Int, stream: Int) throws(EngineError) {
        let series = box.series
        let index = streamInstrument[stream]
        let p = series.pricePrecision
        let open = Price(uncheckedRaw: series.opens[row], precision: p)
        let high = Price(uncheckedRaw: series.highs[row], precision: p)
        let low = Price(uncheckedRaw: series.lows[row], precision: p)
        let close = Price(uncheckedRaw: series.closes[row], precision: p)
        let ts = series.timestamps[row]
        if isAggregated[stream] { return try deliver(series, row: row, stream: stream) }
        if venue.hasWork(index) {
            let openTime = UnixNanos(ts - (series.barType.spec.duration?.rawValue ?? 0))
            try matchBar(index, open: open, high: high, low: low, close: close, openTime: openTime, closeTime: UnixNanos(ts))
        }
        portfolio.mark(index, price: close)
        if !portfolio.positions[index].isFlat {
            trackers[index].observe(high: high.doubleValue, low: low.doubleValue)
        }
        try deliver(series, row: row, stream: stream)
        portfolio.recordEquity(at: ts)
    }

    /// Updates the indicators registered on the bar's type, then gives the bar to the strategy
    /// if it subscribed.
    @inline(__always)
    private func deliver(_ series: BarSeries, row: Int, stream: Int) throws(EngineError) {
        let indicators = indicatorsByStream[stream]
        if deliverStream[stream] || !indicators.isEmpty {
            let bar = series[row]
            for indicator in indicators { indicator.update(bar) }
            if deliverStream[stream] { try call { (s: inout S, c) throws in try s.onBar(bar, c) } }
        }
    }

    private func advanceClock(to ts: Int64) throws(EngineError) {
        let due: [TimeEvent]
        do { due = try clock.advance(to: UnixNanos(ts)) } catch { throw .data("\(error)") }
        for event in due { try call { (s: inout S, c) throws in try s.onTimer(event, c) } }
    }

    /// Runs a strategy callback, then the commands it queued (and those their events queue).
    @inline(__always)
    private func call(_ body: (inout S, StrategyContext) throws -> Void) throws(EngineError) {
        do { try body(&strategy, context) } catch let error as EngineError { throw error } catch {
            throw .strategy("\(S.name): \(error)")
        }
        if !context.commands.isEmpty { try drainCommands() }
    }

    private func drainCommands() throws(EngineError) {
        while !context.commands.isEmpty {
            let command = context.commands.removeFirst()
            switch risk.check(command, portfolio: portfolio) {
            case .approve: try execute(command)
            case .deny(let reason): try deny(command, reason: reason)
            }
        }
    }

    private func deny(_ command: TradingCommand, reason: String) throws(EngineError) {
        switch command {
        case .submit(let order): try reject(order, reason: reason, denied: true)
        case .submitBracket(let bracket): for order in bracket.orders { try reject(order, reason: reason, denied: true) }
        case .submitSized(let order):
            context.pendingSized.removeAll { $0.0 == order.clientOrderID }
            context.log("risk denied sized order \(order.clientOrderID): \(reason)", level: .warning)
        case .modify(let m): context.log("risk denied modify of \(m.clientOrderID): \(reason)", level: .warning)
        case .cancel(let id): context.log("risk denied cancel of \(id): \(reason)", level: .warning)
        }
    }

    private func execute(_ command: TradingCommand) throws(EngineError) {
        switch command {
        case .submit(let order): try submit(order)
        case .submitBracket(let bracket):
            try orders.add(bracket.entry)
            try orders.add(bracket.takeProfit)
            try orders.add(bracket.stopLoss)
            venue.heldChildren[bracket.entry.clientOrderID] = [bracket.takeProfit.clientOrderID, bracket.stopLoss.clientOrderID]
            try submit(bracket.entry)
        case .submitSized(let order):
            guard let index = portfolio.index(of: order.instrumentID) else {
                context.pendingSized.removeAll { $0.0 == order.clientOrderID }
                context.log("sized order \(order.clientOrderID): unknown instrument \(order.instrumentID)", level: .error)
                return
            }
            venue.pendingSized[index].append(order)
            if venue.fillTiming == .currentBarClose, let price = portfolio.lastPrices[index] {
                try fillSized(index, price: price, ts: clock.now)
            }
        case .modify(let m): try modify(m)
        case .cancel(let id): try cancel(id)
        }
    }

    private func submit(_ initialized: OrderInitialized) throws(EngineError) {
        guard let index = portfolio.index(of: initialized.instrumentID) else {
            return try reject(initialized, reason: "unknown instrument \(initialized.instrumentID)", denied: true)
        }
        guard BarFillSimulator.supports(initialized.type) else {
            return try reject(
                initialized, reason: "\(initialized.type) orders are not modelled by the kernel's bar venue", denied: false)
        }
        do { try portfolio.instruments[index].validate(quantity: initialized.quantity, price: initialized.price) } catch {
            return try reject(initialized, reason: error.description, denied: true)
        }
        if orders.order(initialized.clientOrderID) == nil { try orders.add(initialized) }
        let now = clock.now
        try emit(.submitted(OrderSubmitted(
            clientOrderID: initialized.clientOrderID, strategyID: initialized.strategyID,
            instrumentID: initialized.instrumentID, accountID: accountID, tsEvent: now)))
        try emit(.accepted(OrderAccepted(
            clientOrderID: initialized.clientOrderID, strategyID: initialized.strategyID,
            instrumentID: initialized.instrumentID, venueOrderID: orders.nextVenueOrderID(), accountID: accountID,
            tsEvent: now)))
        let working = BarFillSimulator.Working(
            id: initialized.clientOrderID, side: initialized.side, type: initialized.type, quantity: initialized.quantity,
            price: initialized.price, triggerPrice: initialized.triggerPrice)
        if initialized.type == .market {
            if venue.fillTiming == .currentBarClose, let price = portfolio.lastPrices[index] {
                try book(working, index: index, price: price, ts: now)
            } else {
                venue.pendingMarket[index].append(working)
            }
        } else {
            venue.resting[index].append(working)
        }
    }

    /// Adds (if new) and denies or rejects an order.
    private func reject(_ initialized: OrderInitialized, reason: String, denied: Bool) throws(EngineError) {
        if orders.order(initialized.clientOrderID) == nil { try orders.add(initialized) }
        let now = clock.now
        if denied {
            try emit(.denied(OrderDenied(
                clientOrderID: initialized.clientOrderID, strategyID: initialized.strategyID,
                instrumentID: initialized.instrumentID, reason: reason, tsEvent: now)))
        } else {
            try emit(.submitted(OrderSubmitted(
                clientOrderID: initialized.clientOrderID, strategyID: initialized.strategyID,
                instrumentID: initialized.instrumentID, accountID: accountID, tsEvent: now)))
            try emit(.rejected(OrderRejected(
                clientOrderID: initialized.clientOrderID, strategyID: initialized.strategyID,
                instrumentID: initialized.instrumentID, accountID: accountID, reason: reason, tsEvent: now)))
        }
        try cancelHeldChildren(of: initialized.clientOrderID)
    }

    private func modify(_ m: ModifyOrder) throws(EngineError) {
        guard let order = orders.order(m.clientOrderID), let index = portfolio.index(of: order.instrumentID) else {
            context.log("modify: unknown order \(m.clientOrderID)", level: .warning)
            return
        }
        let now = clock.now
        if order.isOpen, venue.modify(m.clientOrderID, instrument: index, quantity: m.quantity, price: m.price, trigger: m.triggerPrice) {
            try emit(.updated(OrderUpdated(
                clientOrderID: order.clientOrderID, strategyID: order.strategyID, instrumentID: order.instrumentID,
                venueOrderID: order.venueOrderID, accountID: accountID, quantity: m.quantity ?? order.quantity,
                price: m.price, triggerPrice: m.triggerPrice, tsEvent: now)))
        } else {
            try emit(.modifyRejected(OrderModifyRejected(
                clientOrderID: order.clientOrderID, strategyID: order.strategyID, instrumentID: order.instrumentID,
                venueOrderID: order.venueOrderID, accountID: accountID,
                reason: order.isOpen ? "only resting limit/stop orders can be modified" : "order is \(order.status)",
                tsEvent: now)))
        }
    }

    private func cancel(_ id: ClientOrderID) throws(EngineError) {
        guard let order = orders.order(id), let index = portfolio.index(of: order.instrumentID) else {
            context.log("cancel: unknown order \(id)", level: .warning)
            return
        }
        let now = clock.now
        if order.isOpen, venue.remove(id, instrument: index) {
            try emit(.canceled(OrderCanceled(
                clientOrderID: id, strategyID: order.strategyID, instrumentID: order.instrumentID,
                venueOrderID: order.venueOrderID, accountID: accountID, tsEvent: now)))
            try cancelHeldChildren(of: id)
        } else if order.status == .initialized {
            try emit(.canceled(OrderCanceled(
                clientOrderID: id, strategyID: order.strategyID, instrumentID: order.instrumentID, tsEvent: now)))
        } else {
            try emit(.cancelRejected(OrderCancelRejected(
                clientOrderID: id, strategyID: order.strategyID, instrumentID: order.instrumentID,
                venueOrderID: order.venueOrderID, accountID: accountID, reason: "order is \(order.status)", tsEvent: now)))
        }
    }

    private func cancelHeldChildren(of parent: ClientOrderID) throws(EngineError) {
        guard let children = venue.heldChildren.removeValue(forKey: parent) else { return }
        for child in children {
            guard let order = orders.order(child) else { continue }
            try emit(.canceled(OrderCanceled(
                clientOrderID: child, strategyID: order.strategyID, instrumentID: order.instrumentID, tsEvent: clock.now)))
        }
    }

    // MARK: Matching and booking

    private func matchBar(
        _ index: Int, open: Price, high: Price, low: Price, close: Price, openTime: UnixNanos, closeTime: UnixNanos
    ) throws(EngineError) {
        if !venue.pendingMarket[index].isEmpty {
            let waiting = venue.pendingMarket[index]
            venue.pendingMarket[index].removeAll(keepingCapacity: true)
            for order in waiting { try book(order, index: index, price: open, ts: openTime) }
        }
        if !venue.pendingSized[index].isEmpty { try fillSized(index, price: open, ts: openTime) }
        guard !venue.resting[index].isEmpty else { return }
        let (a, b, c, d) = BarFillSimulator.path(open: open, high: high, low: low, close: close)
        for (from, to) in [(a, a), (a, b), (b, c), (c, d)] {
            var i = 0
            while i < venue.resting[index].count {
                let order = venue.resting[index][i]
                if let price = BarFillSimulator.matchPrice(order, from: from, to: to) {
                    venue.resting[index].remove(at: i)
                    try book(order, index: index, price: price, ts: from == a && to == a ? openTime : closeTime)
                    i = 0
                } else {
                    i += 1
                }
            }
        }
    }

    /// Sizes, creates and fills the waiting sized market orders of instrument `index` at `price`.
    private func fillSized(_ index: Int, price: Price, ts: UnixNanos) throws(EngineError) {
        let waiting = venue.pendingSized[index]
        venue.pendingSized[index].removeAll(keepingCapacity: true)
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
                commissionRate: commission.rate)
            else {
                context.log("sized order \(sized.clientOrderID) for \(sized.instrumentID): funds cover no lot at \(price)", level: .warning)
                continue
            }
            let initialized: OrderInitialized
            do {
                initialized = try OrderInitialized(
                    clientOrderID: sized.clientOrderID, strategyID: sized.strategyID, instrumentID: sized.instrumentID,
                    side: sized.side, type: .market, quantity: quantity, tsInit: ts)
            } catch { throw .orderState("\(error)") }
            try orders.add(initialized)
            try emit(.submitted(OrderSubmitted(
                clientOrderID: initialized.clientOrderID, strategyID: initialized.strategyID,
                instrumentID: initialized.instrumentID, accountID: accountID, tsEvent: ts)))
            try emit(.accepted(OrderAccepted(
                clientOrderID: initialized.clientOrderID, strategyID: initialized.strategyID,
                instrumentID: initialized.instrumentID, venueOrderID: orders.nextVenueOrderID(), accountID: accountID,
                tsEvent: ts)))
            try book(
                BarFillSimulator.Working(id: initialized.clientOrderID, side: initialized.side, type: .market, quantity: quantity),
                index: index, price: price, ts: ts)
        }
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

    /// Books a match: funds check, commission, fill event, position, trade tracking, contingencies.
    private func book(_ working: BarFillSimulator.Working, index: Int, price: Price, ts: UnixNanos) throws(EngineError) {
        guard let order = orders.order(working.id) else { throw .orderState("match for unknown order \(working.id)") }
        let instrument = portfolio.instruments[index]
        let quantity = order.leavesQuantity
        var peek = CommissionModel(rate: commission.rate, rounding: .perFill(.up))
        let notional = (try? instrument.notional(quantity: quantity, price: price).raw) ?? .max
        if let reason = portfolio.refusal(
            index: index, side: order.side, quantity: quantity, price: price, commissionRaw: peek.commission(notionalRaw: notional))
        {
            try emit(.canceled(OrderCanceled(
                clientOrderID: order.clientOrderID, strategyID: order.strategyID, instrumentID: order.instrumentID,
                venueOrderID: order.venueOrderID, accountID: accountID, tsEvent: ts)))
            context.log("order \(order.clientOrderID) canceled at fill: \(reason)", level: .warning)
            try cancelHeldChildren(of: order.clientOrderID)
            return
        }
        let fee = Money(uncheckedRaw: commission.commission(notionalRaw: notional), currency: portfolio.currency)
        let fill: OrderFilled
        do {
            fill = try OrderFilled(
                clientOrderID: order.clientOrderID, strategyID: order.strategyID, instrumentID: order.instrumentID,
                accountID: accountID, venueOrderID: order.venueOrderID ?? orders.nextVenueOrderID(),
                tradeID: orders.nextTradeID(), positionID: portfolio.positions[index].id, side: order.side,
                orderType: order.type, lastQuantity: quantity, lastPrice: price, commission: fee,
                liquiditySide: order.type == .limit ? .maker : .taker, tsEvent: ts)
        } catch { throw .orderState("\(error)") }
        let before = portfolio.positions[index]
        try orders.apply(.filled(fill))
        let positionEvent = try portfolio.apply(fill: fill, index: index)
        fills.append(fill)
        if let trip = trackers[index].record(fill: fill, before: before, after: positionEvent.position) { trades.append(trip) }
        try dispatch(.filled(fill))
        if bus.hasSubscribers(positionEvents) { bus.publish(positionEvent, on: positionEvents) }
        try call { (s: inout S, c) throws in try s.onPositionEvent(positionEvent, c) }
        try releaseContingents(of: order, index: index)
    }

    /// OTO: a filled entry releases its held children. OCO: a filled order cancels its partners.
    private func releaseContingents(of order: Order, index: Int) throws(EngineError) {
        if let children = venue.heldChildren.removeValue(forKey: order.clientOrderID) {
            for child in children {
                guard let initialized = orders.order(child)?.initialized else { continue }
                try submit(initialized)
            }
        }
        if order.contingency == .oco {
            for partner in order.linkedOrderIDs where orders.order(partner)?.isOpen == true { try cancel(partner) }
        }
    }

    /// Applies an order event and tells the strategy and the bus.
    @inline(__always)
    private func emit(_ event: OrderEvent) throws(EngineError) {
        try orders.apply(event)
        try dispatch(event)
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
            barSeries.append(SeriesBox(series))
            isAggregated.append(true)
        }
        deliverStream = data.streams.map { stream in
            switch stream {
            case .bars(let series): context.subscribedBarTypes.contains(series.barType)
            case .quotes: stream.instrumentID.map(context.subscribedQuotes.contains) ?? false
            case .trades: stream.instrumentID.map(context.subscribedTrades.contains) ?? false
            }
        }
        indicatorsByStream = data.streams.map { stream in
            guard case .bars(let series) = stream else { return [] }
            return context.indicators.filter { $0.0 == series.barType }.map(\.1)
        }
    }
}

/// A bar series behind one reference, so the event loop passes it without copying its columns.
final class SeriesBox {
    let series: BarSeries
    init(_ series: BarSeries) { self.series = series }
}
