// The EngineBenchmarks backtests as a plain program, for callgrind (see run.sh): one kernel run
// over a seeded random walk (RandomWalk.swift), SMA(10/30) cross with orders ("orders") or the
// same signals without orders ("signals"), or the 20-instrument basket ("basket").
import BourseCore
import BourseEngine
import BourseRisk
import BourseStrategies

let mode = CommandLine.arguments.dropFirst().first ?? "orders"
let bars = Int(CommandLine.arguments.dropFirst(2).first ?? "100000") ?? 100_000

/// The measured part (callgrind collects inside it only).
@inline(never) func measured<S: Strategy>(_ kernel: Kernel<S, PassThroughRiskEngine, BacktestSimulatedVenue>) throws {
    try kernel.run()
}

switch mode {
case "signals", "basket":
    let config = try mode == "basket" ? randomWalkConfig(bars: bars / 20, seed: 42, instruments: 20) : randomWalkConfig(bars: bars, seed: 42)
    let kernel = try Backtest.makeKernel(
        strategy: CrossSignals(parameters: ParameterValues(CrossSignals.parameters)), risk: PassThroughRiskEngine(), config: config)
    try measured(kernel)
    print("crosses \(kernel.strategy.crosses)")
default:
    let config = try randomWalkConfig(bars: bars, seed: 42)
    let values = try ParameterValues(SMACross.parameters, overrides: ["fast=10", "slow=30"])
    let kernel = try Backtest.makeKernel(strategy: SMACross(parameters: values), risk: PassThroughRiskEngine(), config: config)
    try measured(kernel)
    print("orders \(kernel.orders.all.count) fills \(kernel.fills.count)")
}
