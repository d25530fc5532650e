import Benchmark
import BourseCore
import BourseTestKit

/// Core arithmetic throughput. Targets (release, one core): ≥ 200 M `Price` additions/s
/// and ≥ 20 M `Position.apply(fill:)`/s.
///
/// Each sample runs one million operations (`scalingFactor: .mega`); the figures are per
/// operation. The machine is shared, so read `.cpuUser` next to the wall clock.
///
/// Run: `swift package --allow-writing-to-package-directory benchmark --target CoreBenchmarks`
nonisolated(unsafe) let benchmarks = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .cpuUser, .mallocCountTotal, .instructions],
        scalingFactor: .mega,
        maxDuration: .seconds(3),
        maxIterations: 20)

    Benchmark("Price addition") { benchmark in
        // Eight different addends so the loop cannot be folded into one multiplication.
        let steps = (1...8).map { Price(uncheckedRaw: Int64($0), precision: 2) }
        var sum = Price.zero(precision: 2)
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations {
            sum = try sum + steps[i & 7]
        }
        benchmark.stopMeasurement()
        blackHole(sum)
    }

    Benchmark("Position.apply(fill:)") { benchmark in
        var rng = SplitMix64(seed: 42)
        let instrument = TestDefaults.instrument
        let fills = try RandomMarket.fills(
            count: 4096, instrument: instrument, start: Price(parsing: "100.00"), using: &rng)
        var position = Position(id: try PositionID("P-1"), instrument: instrument)
        benchmark.startMeasurement()
        try apply(fills, to: &position, count: benchmark.scaledIterations.count)
        benchmark.stopMeasurement()
        blackHole(position)
    }
}

/// Applies `count` fills cycling through `fills`. A separate function with a borrowed array
/// and an `inout` position, so the fills are read in place (as the kernel passes events along)
/// rather than copied for each call.
@inline(never)
func apply(_ fills: borrowing [OrderFilled], to position: inout Position, count: Int) throws(PositionError) {
    let mask = fills.count - 1
    try fills.withUnsafeBufferPointer { buffer throws(PositionError) in
        for i in 0..<count {
            try position.apply(fill: buffer[i & mask])
        }
    }
}
