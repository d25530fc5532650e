import Benchmark
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import BourseCore
import BourseExecution

/// Benchmarks of the order path (OMS + simulated venue) and of bar matching. Figures are
/// per order and per bar (the timed loops run `benchmark.scaledIterations`); everything
/// built before the loop (venue, orders, bars) is outside the measurement. The machine is
/// shared: compare the thread CPU time, not the wall clock.
///
/// Run: `swift package --allow-writing-to-package-directory benchmark --target ExecutionBenchmarks`
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .cpuUser, threadCPU, .mallocCountTotal], maxDuration: .seconds(3))

    // Market orders submitted through the OMS and filled at once by the venue (on-close mode,
    // after one bar): submitted → accepted → filled, events applied to the own book.
    // 1,000 orders per sample into a fresh OMS.
    Benchmark("Market orders through OMS + venue", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let count = benchmark.scaledIterations.count
        let setup = BenchSetup(barExecution: .onClose)
        let commands = (0..<count).map { i in SubmitOrder(order: setup.marketOrder(i), tsInit: setup.clock.now) }
        var events: [OrderEvent] = []
        events.reserveCapacity(8)
        let cpu = threadCPUNanoseconds()
        benchmark.startMeasurement()
        let eventCount = try submit(commands, to: setup.oms, events: &events)
        benchmark.stopMeasurement()
        benchmark.measurement(threadCPU, threadCPUNanoseconds() - cpu)
        precondition(setup.oms.openOrders().isEmpty && eventCount == 3 * count, "every order must fill")
    }

    // Bars matched against 100 resting limit and stop orders that the bars do not reach:
    // one million bars per sample, cycling through 65,536 seeded bars.
    Benchmark("Bar updates against 100 resting limits and stops", configuration: .init(scalingFactor: .mega)) { benchmark in
        let setup = BenchSetup(barExecution: .nextBarOpen)
        var events: [OrderEvent] = []
        for i in 0..<100 {
            let order = setup.restingOrder(i)
            try setup.oms.submit(SubmitOrder(order: order, tsInit: setup.clock.now), events: &events)
        }
        precondition(setup.oms.openOrders().count == 100, "100 resting orders")
        let bars = setup.wanderingBars(65_536)
        events.removeAll(keepingCapacity: true)
        let cpu = threadCPUNanoseconds()
        benchmark.startMeasurement()
        process(bars, at: setup.venue, count: benchmark.scaledIterations.count, events: &events)
        benchmark.stopMeasurement()
        benchmark.measurement(threadCPU, threadCPUNanoseconds() - cpu)
        precondition(events.isEmpty, "the bars must not reach the resting orders")
        blackHole(events)
    }
}

/// The benchmark's venue type.
typealias BenchVenue = SimulatedVenue<StandardFillModel, InstrumentFeeModel, FixedLatency>

/// Submits the commands in order, taking the events out of the buffer after each command as
/// the kernel does; returns how many there were. (A function of its own, so the commands are
/// borrowed, not copied.)
@inline(never)
func submit(
    _ commands: borrowing [SubmitOrder], to oms: OrderManager<BenchVenue>, events: inout [OrderEvent]
) throws(OrderManagerError) -> Int {
    var count = 0
    for index in commands.indices {
        try oms.submit(commands[index], events: &events)
        count += events.count
        events.removeAll(keepingCapacity: true)
    }
    return count
}

/// Feeds `count` bars to the venue, cycling through `bars` (whose count is a power of two).
@inline(never)
func process(_ bars: borrowing [Bar], at venue: BenchVenue, count: Int, events: inout [OrderEvent]) {
    let mask = bars.count - 1
    bars.withUnsafeBufferPointer { buffer in
        for i in 0..<count {
            venue.process(bar: buffer[i & mask], events: &events)
        }
    }
}

/// A venue trading one equity, its OMS and a test clock.
final class BenchSetup {
    let clock = TestClock(now: UnixNanos(1_704_205_800_000_000_000))
    let instrument: Instrument
    let venue: BenchVenue
    let oms: OrderManager<BenchVenue>
    let strategy: StrategyID
    let barType: BarType

    init(barExecution: BarExecution) {
        do {
            instrument = try Instrument(
                id: InstrumentID("BENCH.SIM"), assetClass: .equity, quoteCurrency: .USD, tickSize: Price(parsing: "0.01"),
                lotSize: Quantity(parsing: "1"), takerFee: Rate(parsing: "0.0005"))
            venue = try SimulatedVenue(
                configuration: SimulatedVenueConfiguration(
                    venue: Venue("SIM"), accountID: AccountID("SIM-001"), barExecution: barExecution),
                instruments: [instrument], clock: clock)
            strategy = try StrategyID("BENCH")
            barType = BarType(instrumentID: instrument.id, spec: try BarSpec("1-MINUTE-LAST"))
        } catch {
            fatalError("benchmark setup: \(error)")
        }
        oms = OrderManager(client: venue)
        var events: [OrderEvent] = []
        venue.process(bar: bar(open: 10_000, high: 10_010, low: 9_990, close: 10_000, minute: 0), events: &events)
    }

    func bar(open: Int64, high: Int64, low: Int64, close: Int64, minute: Int64) -> Bar {
        Bar(
            unchecked: barType, open: Price(uncheckedRaw: open, precision: 2), high: Price(uncheckedRaw: high, precision: 2),
            low: Price(uncheckedRaw: low, precision: 2), close: Price(uncheckedRaw: close, precision: 2),
            volume: Quantity(uncheckedRaw: 1_000, precision: 0), tsEvent: clock.now + .minutes(minute),
            tsInit: clock.now + .minutes(minute))
    }

    func marketOrder(_ i: Int) -> OrderInitialized {
        make(i, side: i % 2 == 0 ? .buy : .sell, type: .market, price: nil, trigger: nil)
    }

    /// Buy limits and sell stops below 90, sell limits and buy stops above 110.
    func restingOrder(_ i: Int) -> OrderInitialized {
        let offset = Int64(i / 4) * 10
        switch i % 4 {
        case 0: return make(i, side: .buy, type: .limit, price: 9_000 - offset, trigger: nil)
        case 1: return make(i, side: .sell, type: .limit, price: 11_000 + offset, trigger: nil)
        case 2: return make(i, side: .buy, type: .stopMarket, price: nil, trigger: 11_000 + offset)
        default: return make(i, side: .sell, type: .stopMarket, price: nil, trigger: 9_000 - offset)
        }
    }

    /// Bars wandering between 95 and 105 (seeded, deterministic).
    func wanderingBars(_ count: Int) -> [Bar] {
        var state: UInt64 = 42
        var price: Int64 = 10_000
        return (0..<count).map { i in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let step = Int64((state >> 33) % 41) - 20
            let open = price
            price = min(10_400, max(9_600, price + step))
            let high = max(open, price) + 30
            let low = min(open, price) - 30
            return Bar(
                unchecked: barType, open: Price(uncheckedRaw: open, precision: 2), high: Price(uncheckedRaw: high, precision: 2),
                low: Price(uncheckedRaw: low, precision: 2), close: Price(uncheckedRaw: price, precision: 2),
                volume: Quantity(uncheckedRaw: 1_000, precision: 0), tsEvent: clock.now, tsInit: clock.now)
        }
    }

    private func make(_ i: Int, side: OrderSide, type: OrderType, price: Int64?, trigger: Int64?) -> OrderInitialized {
        do {
            return try OrderInitialized(
                clientOrderID: ClientOrderID("B-\(i)"), strategyID: strategy,
                instrumentID: instrument.id, side: side, type: type, quantity: Quantity(uncheckedRaw: 10, precision: 0),
                price: price.map { Price(uncheckedRaw: $0, precision: 2) },
                triggerPrice: trigger.map { Price(uncheckedRaw: $0, precision: 2) }, tsInit: clock.now)
        } catch {
            fatalError("benchmark order: \(error)")
        }
    }
}

/// User + system CPU time of the calling thread, in nanoseconds. Exact (the kernel accounts
/// it per scheduling slice), unlike `.cpuUser`, which is sampled per clock tick and reads
/// 0 or 10 ms for a short sample; on a shared machine this is the figure to compare.
func threadCPUNanoseconds() -> Int {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return time.tv_sec * 1_000_000_000 + time.tv_nsec
}

/// The benchmarks' custom metric: ``threadCPUNanoseconds()`` spent in the timed loop.
let threadCPU = BenchmarkMetric.custom("CPU time (thread, ns)")
