import Benchmark
import BourseCore
import BourseData
import BourseEngine
import BourseRisk
import BourseStrategies

/// End-to-end backtest throughput: 1,000,000 one-minute bars of a seeded random walk (built
/// in process, SplitMix64 seed 42), one instrument, SMA(10)/SMA(30) crossover reversing on
/// every cross with market orders through risk → order manager → simulated venue → portfolio.
/// bars/s = 1,000,000 ÷ wall-clock time of one kernel run (data already in memory).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuUser, .throughput, .peakMemoryResident, .mallocCountTotal], timeUnits: .milliseconds,
        maxDuration: .seconds(60), maxIterations: 10)

    let barCount = 1_000_000
    // Benchmark setup with constant, valid inputs.
    let config = try! randomWalkConfig(bars: barCount, seed: 42)

    Benchmark("Backtest 1M 1-minute bars, SMA(10/30) cross") { benchmark in
        for _ in benchmark.scaledIterations {
            let values = try ParameterValues(SMACross.parameters, overrides: ["fast=10", "slow=30"])
            let kernel = try Backtest.makeKernel(strategy: SMACross(parameters: values), risk: PassThroughRiskEngine(), config: config)
            benchmark.startMeasurement()
            try kernel.run()
            benchmark.stopMeasurement()
            blackHole(kernel.trades.count)
        }
    }

    // The per-bar path alone: the same run where the strategy computes both SMAs and the cross
    // on every bar but submits no orders (kernel loop, clock, marks, indicators, strategy lookup,
    // equity curve).
    Benchmark("Backtest 1M 1-minute bars, SMA(10/30) cross signals, no orders") { benchmark in
        for _ in benchmark.scaledIterations {
            let kernel = try Backtest.makeKernel(
                strategy: CrossSignals(parameters: ParameterValues(CrossSignals.parameters)), risk: PassThroughRiskEngine(),
                config: config)
            benchmark.startMeasurement()
            try kernel.run()
            benchmark.stopMeasurement()
            blackHole(kernel.strategy.crosses)
        }
    }

    // The same run with BourseRisk's pre-trade checks on every order (limits that never bind).
    let limits = RiskConfiguration(
        orderSize: SizeLimits(maxQuantity: try! Quantity(parsing: "1000000")), maxGrossExposure: try! Rate(parsing: "2"),
        drawdown: LossLimit(maxFraction: try! Rate(parsing: "0.99")), buyingPower: BuyingPowerLimit())
    Benchmark("Backtest 1M 1-minute bars, SMA(10/30) cross, pre-trade risk checks") { benchmark in
        for _ in benchmark.scaledIterations {
            let values = try ParameterValues(SMACross.parameters, overrides: ["fast=10", "slow=30"])
            let risk = try PreTradeRiskEngine(limits, instruments: config.instruments, startingCash: config.startingCash)
            let kernel = try Backtest.makeKernel(strategy: SMACross(parameters: values), risk: risk, config: config)
            benchmark.startMeasurement()
            try kernel.run()
            benchmark.stopMeasurement()
            blackHole(kernel.trades.count)
        }
    }

    // Grid sweep: 100 SMA parameter sets on the same 1,000,000 bars, run with 1 and with 2 worker
    // threads (one kernel per worker at a time). The speed-up is the ratio of the two wall clocks on an idle
    // machine; on a loaded one, compare CPU time per run: cpuTotal ≈ 2 × wallClock when both cores
    // work, and equal cpuTotal for both rows means the tasks do not slow each other down.
    let fastValues: [String] = (1...10).map { (k: Int) -> String in String(k * 2) }
    let slowValues: [String] = (1...10).map { (k: Int) -> String in String(20 + k * 5) }
    let grid: [(String, [String])] = [("fast", fastValues), ("slow", slowValues)]
    let entry = try! StrategyCatalog.named("sma-cross")
    for parallelism in [1, 2] {
        Benchmark(
            "Grid sweep 100 sets × 1M bars, parallelism \(parallelism)",
            configuration: .init(
                metrics: [.wallClock, .cpuTotal, .cpuUser, .peakMemoryResident], timeUnits: .milliseconds,
                maxDuration: .seconds(120), maxIterations: 2)
        ) { benchmark in
            for _ in benchmark.scaledIterations {
                let rows = await Sweep.grid(entry, grid: grid, config: config, parallelism: parallelism)
                blackHole(rows.count)
            }
        }
    }
}

/// A seeded random walk of one-minute bars in a margin account of 1,000,000 USD.
func randomWalkConfig(bars: Int, seed: UInt64) throws -> BacktestConfig {
    let instrument = try Instrument.equity("RW.SIM")
    let barType = BarType(instrumentID: instrument.id, spec: .oneMinute)
    var series = BarSeries(barType: barType, pricePrecision: 2, sizePrecision: 0)
    var state = seed
    func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    var close: Int64 = 100_00
    let start = try CivilDateTime(year: 2020, month: 1, day: 1).unixNanos
    for i in 0..<bars {
        let open = close
        close = max(1_00, open + Int64(next() % 21) - 10)
        let high = max(open, close) + Int64(next() % 5)
        let low = max(1, min(open, close) - Int64(next() % 5))
        func price(_ raw: Int64) -> Price { Price(uncheckedRaw: raw, precision: 2) }
        try series.append(
            Bar(
                barType: barType, open: price(open), high: price(high), low: price(low), close: price(close),
                volume: Quantity(uncheckedRaw: 100, precision: 0), tsEvent: start + .minutes(Int64(i + 1))))
    }
    var config = try BacktestConfig(instruments: [instrument], bars: [series], startingCash: Money(parsing: "1000000", .USD))
    config.commissionRate = try Rate(parsing: "0.0005")
    return config
}
