import Benchmark
import BourseCore
import BourseRisk

/// A full pre-trade pass with every check enabled: an order that passes all of them (the
/// common case, and the longest path), opening a new position so the correlation check
/// compares it with five open positions over a 20-return window.
let benchmarks: @Sendable () -> Void = {
    for correlation in [true, false] {
        // Built once: every sample is one pre-trade pass on the same engine (warm, as in a kernel).
        guard let state = try? RiskBenchmarkState(correlation: correlation) else { fatalError("benchmark setup failed") }
        Benchmark(
            correlation ? "Full pre-trade pass (all checks)" : "Pre-trade pass (all checks but correlation)",
            configuration: .init(
                metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(5), maxIterations: 2_000_000)
        ) { benchmark in
            state.run(benchmark)
        }
    }
    // CPU time, which load from other processes barely changes: a million passes per sample, so
    // the user-CPU clock's 10 ms tick is ~1 % of a sample.
    guard let state = try? RiskBenchmarkState(correlation: true) else { fatalError("benchmark setup failed") }
    Benchmark(
        "Full pre-trade pass, CPU time (1 M passes per sample)",
        configuration: .init(metrics: [.cpuUser, .wallClock], scalingFactor: .mega, maxDuration: .seconds(10), maxIterations: 10)
    ) { benchmark in
        state.run(benchmark)
    }
}

/// The engine and the portfolio the samples share, and the clock of the orders.
final class RiskBenchmarkState: @unchecked Sendable {
    private var setup: RiskBenchmarkSetup
    private var ts: UnixNanos

    init(correlation: Bool) throws {
        setup = try RiskBenchmarkSetup(correlation: correlation)
        ts = setup.t0
        // The measured path must be the full one: every check runs and approves the order.
        let first = setup.evaluate(at: ts)
        guard first.outcome == .approved else { fatalError("benchmark order not approved: \(first.outcome)") }
    }

    /// Evaluates one approved order per iteration (one per sample), timestamps 2 µs apart.
    func run(_ benchmark: Benchmark) {
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            ts = ts + .microseconds(2)
            blackHole(setup.evaluate(at: ts))
        }
        benchmark.stopMeasurement()
    }
}

/// Ten instruments, five open positions, every limit configured and not breached by the order.
struct RiskBenchmarkSetup {
    let t0 = UnixNanos(1_709_564_400_000_000_000)  // Monday 2024-03-04 15:00 UTC
    var engine: RiskEngine
    var portfolio: PortfolioSnapshot
    let orderID: ClientOrderID
    let instrumentID: InstrumentID
    let quantity: Quantity
    let price: Price

    init(correlation: Bool) throws {
        let usd = { (text: String) throws -> Money in try Money(parsing: text, .USD) }
        portfolio = try PortfolioSnapshot(baseCurrency: .USD, equity: usd("1000000"))
        var ids: [InstrumentID] = []
        for i in 0..<10 {
            let instrument = try Instrument(
                id: InstrumentID("SYM\(i).NASDAQ"), assetClass: .equity, quoteCurrency: .USD, tickSize: Price(parsing: "0.01"),
                lotSize: Quantity(parsing: "1"), takerFee: Rate(parsing: "0.0005"), tags: [i % 2 == 0 ? "tech" : "energy"])
            try portfolio.register(instrument)
            try portfolio.updatePrice(instrument.id, Price(parsing: "100.00"))
            if i < 5 { try portfolio.updatePosition(instrument.id, signedQuantityRaw: i % 2 == 0 ? 100 : -100) }
            ids.append(instrument.id)
        }
        let configuration = RiskConfiguration(
            reduceQuantityToLimits: true, restrictedInstruments: [try InstrumentID("BAD.NYSE")],
            tradingSession: TradingSessionLimit(
                opens: .hours(14) + .minutes(30), closes: .hours(21), openingDelay: .seconds(60), closingCutoff: .seconds(300)),
            orderRate: RateLimit(maxCount: 1000, window: .milliseconds(1)),
            messageRate: RateLimit(maxCount: 2000, window: .milliseconds(1)),
            priceBand: PriceBandLimit(maxFraction: try Rate(parsing: "0.05"), maxTicks: 500),
            orderSize: SizeLimits(maxQuantity: try Quantity(parsing: "1000"), maxNotional: try usd("100000")),
            positionSize: SizeLimits(maxQuantity: try Quantity(parsing: "5000"), maxNotional: try usd("200000")),
            maxOpenPositions: 20, maxGrossExposure: try Rate(parsing: "2"), maxNetExposure: try Rate(parsing: "1"),
            tagLimits: [TagLimit(tag: "tech", maxFraction: try Rate(parsing: "0.5")), TagLimit(tag: "asset-class:equity", maxFraction: try Rate(parsing: "1.5"))],
            correlation: correlation ? CorrelationLimit(maxCorrelation: 0.9, window: 20, minObservations: 10) : nil,
            dailyLoss: LossLimit(maxFraction: try Rate(parsing: "0.05")), drawdown: LossLimit(maxFraction: try Rate(parsing: "0.2")),
            buyingPower: BuyingPowerLimit())
        engine = try RiskEngine(configuration)
        for day in 0..<20 {
            for (i, id) in ids.enumerated() {
                engine.recordReturn(id, 0.01 * Double(((day * 7 + i * 13) % 11) - 5) / 5)
            }
        }
        orderID = try ClientOrderID("O-1")
        instrumentID = ids[7]  // flat: the order opens a position
        quantity = try Quantity(parsing: "50")
        price = try Price(parsing: "100.50")
    }

    /// One pre-trade pass, as the kernel's adapter makes it: engine and snapshot are disjoint
    /// parts of one value, so the snapshot is read in place (reading it from a class property
    /// while the engine mutates would copy it on every call).
    mutating func evaluate(at ts: UnixNanos) -> RiskDecision {
        engine.evaluate(request(at: ts), portfolio: portfolio)
    }

    func request(at ts: UnixNanos) -> RiskRequest {
        RiskRequest(action: .submit, clientOrderID: orderID, instrumentID: instrumentID, side: .buy, type: .limit, quantity: quantity, price: price, ts: ts)
    }
}
