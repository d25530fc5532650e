import BourseCore
import BourseExecution

/// Shared values for the execution tests.
enum Fixture {
    /// 2024-01-02 14:30:00 UTC.
    static let t0 = UnixNanos(1_704_205_800_000_000_000)
    static let venue = try! Venue("SIM")
    static let accountID = try! AccountID("SIM-001")
    static let strategy = try! StrategyID("S-1")
    static let instrument = try! Instrument(
        id: InstrumentID("TEST.SIM"), assetClass: .equity, quoteCurrency: .USD, tickSize: Price(parsing: "0.01"),
        lotSize: Quantity(parsing: "1"), minQuantity: Quantity(parsing: "1"), maxQuantity: Quantity(parsing: "100000"),
        minNotional: Money(parsing: "10", .USD))
    static let barType = BarType(instrumentID: instrument.id, spec: try! BarSpec("1-MINUTE-LAST"))

    static func id(_ n: Int) -> ClientOrderID { try! ClientOrderID("O-\(n)") }

    static func time(minutes: Int64) -> UnixNanos { t0 + .minutes(minutes) }

    /// An order for the test instrument; prices and quantity as decimal text.
    static func order(
        _ n: Int, _ side: OrderSide, _ type: OrderType, _ quantity: String = "10", price: String? = nil,
        trigger: String? = nil, tif: TimeInForce = .gtc, postOnly: Bool = false, reduceOnly: Bool = false,
        links: OrderLinks = .none, at time: UnixNanos = t0
    ) throws -> OrderInitialized {
        try OrderInitialized(
            clientOrderID: id(n), strategyID: strategy, instrumentID: instrument.id, side: side, type: type,
            quantity: Quantity(parsing: quantity), price: price.map { try Price(parsing: $0) },
            triggerPrice: trigger.map { try Price(parsing: $0) }, timeInForce: tif, postOnly: postOnly,
            reduceOnly: reduceOnly, links: links, tsInit: time)
    }
}

/// A simulated venue, its order manager and a test clock, with helpers that feed data and
/// describe the resulting events as short text lines.
final class Harness<Fills: FillModel, Fees: FeeModel, Latency: LatencyModel> {
    let clock = TestClock(now: Fixture.t0)
    let venue: SimulatedVenue<Fills, Fees, Latency>
    let oms: OrderManager<SimulatedVenue<Fills, Fees, Latency>>
    /// Every event so far, in order.
    var events: [OrderEvent] = []

    init(
        configuration: SimulatedVenueConfiguration = SimulatedVenueConfiguration(venue: Fixture.venue, accountID: Fixture.accountID),
        instruments: [Instrument] = [Fixture.instrument], fills: Fills, fees: Fees, latency: Latency
    ) throws {
        venue = try SimulatedVenue(
            configuration: configuration, instruments: instruments, clock: clock, fillModel: fills, feeModel: fees,
            latencyModel: latency)
        oms = OrderManager(client: venue)
    }

    func submit(_ order: OrderInitialized) throws {
        try oms.submit(SubmitOrder(order: order, tsInit: clock.now), events: &events)
    }

    func submit(list orders: [OrderInitialized], id: String = "L-1") throws {
        try oms.submit(
            SubmitOrderList(orderListID: OrderListID(id), orders: orders, tsInit: clock.now), events: &events)
    }

    /// A one-minute bar closing `minutes` after t0 (the clock moves there first).
    func bar(_ minutes: Int64, _ o: String, _ h: String, _ l: String, _ c: String, volume: String = "1000000") throws {
        try clock.advance(to: Fixture.time(minutes: minutes))
        let bar = try Bar(
            barType: Fixture.barType, open: Price(parsing: o), high: Price(parsing: h), low: Price(parsing: l),
            close: Price(parsing: c), volume: Quantity(parsing: volume), tsEvent: clock.now)
        feed { venue.process(bar: bar, events: &$0) }
    }

    func quote(_ seconds: Int64, bid: String, ask: String) throws {
        try clock.advance(to: Fixture.t0 + .seconds(seconds))
        let quote = try QuoteTick(
            instrumentID: Fixture.instrument.id, bid: Price(parsing: bid), ask: Price(parsing: ask),
            bidSize: Quantity(parsing: "100"), askSize: Quantity(parsing: "100"), tsEvent: clock.now)
        feed { venue.process(quote: quote, events: &$0) }
    }

    func trade(_ seconds: Int64, _ price: String, size: String = "100") throws {
        try clock.advance(to: Fixture.t0 + .seconds(seconds))
        let trade = TradeTick(
            instrumentID: Fixture.instrument.id, price: try Price(parsing: price), size: try Quantity(parsing: size),
            tsEvent: clock.now)
        feed { venue.process(trade: trade, events: &$0) }
    }

    func advance(seconds: Int64) throws {
        try clock.advance(to: Fixture.t0 + .seconds(seconds))
        feed { venue.advanceTime(events: &$0) }
    }

    private func feed(_ body: (inout [OrderEvent]) -> Void) {
        let start = events.count
        body(&events)
        oms.apply(events[start...])
    }

    /// The events as text, e.g. `"filled O-1 10 @ 100.00 taker +1m"` (see ``EventLog``).
    var log: [String] { events.map { EventLog.describe($0) } }

    /// The fills so far.
    var fills: [OrderFilled] {
        events.compactMap { if case .filled(let f) = $0 { f } else { nil } }
    }
}

extension Harness where Fills == StandardFillModel, Fees == InstrumentFeeModel, Latency == FixedLatency {
    convenience init(
        configuration: SimulatedVenueConfiguration = SimulatedVenueConfiguration(venue: Fixture.venue, accountID: Fixture.accountID),
        instruments: [Instrument] = [Fixture.instrument]
    ) throws {
        try self.init(
            configuration: configuration, instruments: instruments, fills: StandardFillModel(), fees: InstrumentFeeModel(),
            latency: .zero)
    }
}

extension SimulatedVenueConfiguration {
    static func test(
        barExecution: BarExecution = .nextBarOpen, limitFill: LimitFillPolicy = .onTradeThrough,
        sessionClose: Nanoseconds = .zero, startingBalances: [Money] = []
    ) -> SimulatedVenueConfiguration {
        SimulatedVenueConfiguration(
            venue: Fixture.venue, accountID: Fixture.accountID, barExecution: barExecution, limitFill: limitFill,
            sessionClose: sessionClose, startingBalances: startingBalances)
    }
}

/// Order events as short text lines, with times relative to ``Fixture/t0``.
enum EventLog {
    static func describe(_ event: OrderEvent) -> String {
        let offset = event.tsEvent - Fixture.t0
        let seconds = offset.rawValue / Nanoseconds.perSecond
        let when = seconds % 60 == 0 ? "+\(seconds / 60)m" : "+\(seconds)s"
        let id = event.clientOrderID
        switch event {
        case .filled(let f): return "filled \(id) \(f.lastQuantity) @ \(f.lastPrice) \(f.liquiditySide) \(when)"
        case .rejected(let r): return "rejected \(id): \(r.reason)"
        case .modifyRejected(let r): return "modifyRejected \(id): \(r.reason)"
        case .cancelRejected(let r): return "cancelRejected \(id): \(r.reason)"
        case .updated(let u):
            return "updated \(id) \(u.quantity)\(u.price.map { " price \($0)" } ?? "")\(u.triggerPrice.map { " trigger \($0)" } ?? "") \(when)"
        default: return "\(event.kind) \(id) \(when)"
        }
    }

}
