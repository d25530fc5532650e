import Benchmark
import BourseIndicators

/// A deterministic random walk (splitmix64), the same in every run.
func randomWalk(count: Int, seed: UInt64 = 42) -> [Double] {
    var state = seed
    var price = 100.0
    return (0..<count).map { _ in
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        price *= 1 + (Double(z >> 11) / Double(1 << 53) - 0.5) * 0.02
        return price
    }
}

/// Streams `benchmark.scaledIterations` updates through `indicator`, cycling over `inputs`.
///
/// The indicator is warmed up first (untimed), so every timed update produces a value;
/// each value is added to a checksum (an FP add, dependent on the update's result, so
/// no update can be folded away) and the checksum is consumed by `blackHole`.
/// Calling `blackHole` on each value instead would time an unspecialised, unoptimised
/// generic call per update, not the indicator.
@inline(__always)
func stream<I: Indicator>(_ indicator: I, _ inputs: [I.Input], _ benchmark: Benchmark) where I.Output == Double {
    var indicator = indicator
    let mask = inputs.count - 1  // inputs.count is a power of two
    var checksum = 0.0
    inputs.withUnsafeBufferPointer { buffer in
        for i in 0...indicator.lookback { indicator.update(buffer[i]) }
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations {
            indicator.update(buffer[i & mask])
            checksum += indicator.value
        }
        benchmark.stopMeasurement()
    }
    blackHole(checksum)
}

let benchmarks: @Sendable () -> Void = {
    let streamingConfiguration = Benchmark.Configuration(
        metrics: [.throughput, .wallClock, .cpuUser, .mallocCountTotal], scalingFactor: .mega,
        maxDuration: .seconds(3), maxIterations: 20)
    let batchConfiguration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuUser, .mallocCountTotal], maxDuration: .seconds(5), maxIterations: 20)

    let closes = randomWalk(count: 1 << 16)
    let bars = closes.enumerated().map { i, c in
        HLCV(high: c * 1.004, low: c * 0.996, close: c * (i.isMultiple(of: 2) ? 1.001 : 0.999), volume: 1000)
    }

    Benchmark("stream SMA(20)", configuration: streamingConfiguration) { b in stream(try SMA(period: 20), closes, b) }
    Benchmark("stream EMA(20)", configuration: streamingConfiguration) { b in stream(try EMA(period: 20), closes, b) }
    Benchmark("stream RSI(14)", configuration: streamingConfiguration) { b in stream(try RSI(period: 14), closes, b) }
    Benchmark("stream ATR(14)", configuration: streamingConfiguration) { b in stream(try ATR(period: 14), bars, b) }

    // Batch over the same 10-million-point array TA-Lib is timed on (scripts/time_talib.py).
    let big = randomWalk(count: 10_000_000)
    let bigHigh = big.map { $0 * 1.004 }
    let bigLow = big.map { $0 * 0.996 }
    Benchmark("batch SMA(20) 10M", configuration: batchConfiguration) { _ in
        blackHole(try SMA(period: 20).batch(big))
    }
    Benchmark("batch EMA(20) 10M", configuration: batchConfiguration) { _ in
        blackHole(try EMA(period: 20).batch(big))
    }
    Benchmark("batch RSI(14) 10M", configuration: batchConfiguration) { _ in
        blackHole(try RSI(period: 14).batch(big))
    }
    Benchmark("batch ATR(14) 10M", configuration: batchConfiguration) { _ in
        blackHole(try ATR(period: 14).batch(high: bigHigh, low: bigLow, close: big))
    }
}
