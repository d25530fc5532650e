// The market-order loop of ExecutionBenchmarks ("Market orders through OMS + venue") as a plain
// program, for callgrind (see run.sh): fresh OMS + venue per 1,000 orders, commands built before.
import BourseCore
import BourseExecution

typealias V = SimulatedVenue<StandardFillModel, InstrumentFeeModel, FixedLatency>
let clock = TestClock(now: UnixNanos(1_704_205_800_000_000_000))
let instrument = try Instrument(
    id: InstrumentID("BENCH.SIM"), assetClass: .equity, quoteCurrency: .USD, tickSize: Price(parsing: "0.01"),
    lotSize: Quantity(parsing: "1"), takerFee: Rate(parsing: "0.0005"))
let strategy = try StrategyID("BENCH")
let barType = BarType(instrumentID: instrument.id, spec: try BarSpec("1-MINUTE-LAST"))
let rounds = Int(CommandLine.arguments.dropFirst().first ?? "20") ?? 20
let perRound = 1000
var commands: [[SubmitOrder]] = []
for r in 0..<rounds {
    commands.append(try (0..<perRound).map { i in
        SubmitOrder(order: try OrderInitialized(
            clientOrderID: ClientOrderID("B-\(r)-\(i)"), strategyID: strategy, instrumentID: instrument.id,
            side: i % 2 == 0 ? .buy : .sell, type: .market, quantity: Quantity(uncheckedRaw: 10, precision: 0), tsInit: clock.now),
            tsInit: clock.now)
    })
}
@inline(never) func run(_ commands: borrowing [SubmitOrder], _ oms: OrderManager<V>, _ events: inout [OrderEvent]) throws -> Int {
    var n = 0
    for c in commands.indices {
        try oms.submit(commands[c], events: &events)
        n += events.count
        events.removeAll(keepingCapacity: true)
    }
    return n
}
var total = 0
var events: [OrderEvent] = []
events.reserveCapacity(8)
for r in 0..<rounds {
    let venue = try SimulatedVenue(
        configuration: SimulatedVenueConfiguration(venue: Venue("SIM"), accountID: AccountID("SIM-001"), barExecution: .onClose),
        instruments: [instrument], clock: clock)
    let oms = OrderManager(client: venue)
    venue.process(bar: Bar(unchecked: barType, open: Price(uncheckedRaw: 10_000, precision: 2), high: Price(uncheckedRaw: 10_010, precision: 2),
        low: Price(uncheckedRaw: 9_990, precision: 2), close: Price(uncheckedRaw: 10_000, precision: 2),
        volume: Quantity(uncheckedRaw: 1_000, precision: 0), tsEvent: clock.now, tsInit: clock.now), events: &events)
    events.removeAll()
    total += try run(commands[r], oms, &events)
}
print(total)
