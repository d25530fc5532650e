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
        try measureSignals(benchmark, on: config)
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

    // Many instruments sharing timestamps: 20 instruments × 50,000 one-minute bars on the same
    // minutes (1,000,000 bars in all), signals only. Every run of the data engine is one bar long,
    // so this measures the merge of the streams (`DataEngine.nextRun`) with the per-bar path. The
    // data is built here, not at registration, so that the other benchmarks' peak memory leaves it out.
    Benchmark("Backtest 20 instruments × 50k 1-minute bars, SMA(10/30) cross signals, no orders") { benchmark in
        try measureSignals(benchmark, on: randomWalkConfig(bars: 50_000, seed: 42, instruments: 20))
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

/// The no-order runs: ``CrossSignals`` over `config`, one kernel per iteration, the run alone measured.
func measureSignals(_ benchmark: Benchmark, on config: BacktestConfig) throws {
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
