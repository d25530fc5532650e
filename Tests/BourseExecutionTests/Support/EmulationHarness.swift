import BourseCore
import BourseExecution

/// An execution client that records every command it passes on to the venue behind it.
final class RecordingClient<Inner: ExecutionClient>: ExecutionClient {
    let inner: Inner
    /// The orders the venue received, in order (lists flattened).
    private(set) var submitted: [OrderInitialized] = []
    private(set) var modified: [ModifyOrder] = []
    private(set) var canceled: [ClientOrderID] = []

    init(_ inner: Inner) { self.inner = inner }

    var venue: Venue { inner.venue }
    var accountID: AccountID { inner.accountID }

    func submit(_ command: SubmitOrder, events: inout [OrderEvent]) {
        submitted.append(command.order)
        inner.submit(command, events: &events)
    }

    func submit(_ command: SubmitOrderList, events: inout [OrderEvent]) {
        submitted += command.orders
        inner.submit(command, events: &events)
    }

    func modify(_ command: ModifyOrder, events: inout [OrderEvent]) {
        modified.append(command)
        inner.modify(command, events: &events)
    }

    func cancel(_ command: CancelOrder, events: inout [OrderEvent]) {
        canceled.append(command.clientOrderID)
        inner.cancel(command, events: &events)
    }

    func cancelAll(_ command: CancelAllOrders, events: inout [OrderEvent]) { inner.cancelAll(command, events: &events) }
    func orderStatus(_ clientOrderID: ClientOrderID) -> OrderStatusReport? { inner.orderStatus(clientOrderID) }
    func openOrderReports() -> [OrderStatusReport] { inner.openOrderReports() }
    func positionReports() -> [PositionStatusReport] { inner.positionReports() }
    func balanceReports() -> [AccountBalance] { inner.balanceReports() }
    func fills(since time: UnixNanos, after tradeID: TradeID?) -> [OrderFilled]? { inner.fills(since: time, after: tradeID) }
}

/// A simulated venue behind a recorder and an ``OrderEmulator`` (market and limit orders only,
/// no contingent orders unless told otherwise), with the OMS on top.
final class EmulationHarness {
    typealias Venue = SimulatedVenue<StandardFillModel, InstrumentFeeModel, FixedLatency>
    let clock = TestClock(now: Fixture.t0)
    let venue: Venue
    let recorder: RecordingClient<Venue>
    let emulator: OrderEmulator<RecordingClient<Venue>>
    let oms: OrderManager<OrderEmulator<RecordingClient<Venue>>>
    var events: [OrderEvent] = []

    init(
        capabilities: VenueCapabilities = .marketAndLimitOnly, fills: StandardFillModel = StandardFillModel(),
        instruments: [Instrument] = [Fixture.instrument]
    ) throws {
        venue = try SimulatedVenue(
            configuration: .test(), instruments: [Fixture.instrument], clock: clock, fillModel: fills,
            feeModel: InstrumentFeeModel(), latencyModel: .zero)
        recorder = RecordingClient(venue)
        emulator = OrderEmulator(client: recorder, capabilities: capabilities, instruments: instruments)
        oms = OrderManager(client: emulator)
    }

    func submit(_ order: OrderInitialized) throws {
        try oms.submit(SubmitOrder(order: order, tsInit: clock.now), events: &events)
    }

    func submit(list orders: [OrderInitialized], id: String = "L-1") throws {
        try oms.submit(SubmitOrderList(orderListID: OrderListID(id), orders: orders, tsInit: clock.now), events: &events)
    }

    func bar(_ minutes: Int64, _ o: String, _ h: String, _ l: String, _ c: String, volume: String = "1000000") throws {
        try clock.advance(to: Fixture.time(minutes: minutes))
        let bar = try Bar(
            barType: Fixture.barType, open: Price(parsing: o), high: Price(parsing: h), low: Price(parsing: l),
            close: Price(parsing: c), volume: Quantity(parsing: volume), tsEvent: clock.now)
        feed({ venue.process(bar: bar, events: &$0) }, { emulator.process(bar: bar, events: &$0) })
    }

    func quote(_ seconds: Int64, bid: String, ask: String) throws {
        try clock.advance(to: Fixture.t0 + .seconds(seconds))
        let quote = try QuoteTick(
            instrumentID: Fixture.instrument.id, bid: Price(parsing: bid), ask: Price(parsing: ask),
            bidSize: Quantity(parsing: "100"), askSize: Quantity(parsing: "100"), tsEvent: clock.now)
        feed({ venue.process(quote: quote, events: &$0) }, { emulator.process(quote: quote, events: &$0) })
    }

    func trade(_ seconds: Int64, _ price: String) throws {
        try clock.advance(to: Fixture.t0 + .seconds(seconds))
        let trade = TradeTick(
            instrumentID: Fixture.instrument.id, price: try Price(parsing: price), size: try Quantity(parsing: "100"),
            tsEvent: clock.now)
        feed({ venue.process(trade: trade, events: &$0) }, { emulator.process(trade: trade, events: &$0) })
    }

    /// The venue's own events first (through the emulator), then the emulator's triggers.
    private func feed(_ venueStep: (inout [OrderEvent]) -> Void, _ emulatorStep: (inout [OrderEvent]) -> Void) {
        let start = events.count
        venueStep(&events)
        emulator.receive(&events, from: start)
        emulatorStep(&events)
        oms.apply(events[start...])
    }

    var log: [String] { events.map { EventLog.describe($0) } }
    var fills: [OrderFilled] { events.compactMap { if case .filled(let f) = $0 { f } else { nil } } }
    /// The types of the orders the venue received.
    var venueOrderTypes: [OrderType] { recorder.submitted.map(\.type) }
}
