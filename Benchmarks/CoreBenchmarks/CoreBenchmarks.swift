import Benchmark
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import BourseCore
import BourseTestKit

/// Core arithmetic throughput. Targets (release, one core): ≥ 200 M `Price` additions/s
/// and ≥ 20 M `Position.apply(fill:)`/s.
///
/// Each sample runs one million operations (`scalingFactor: .mega`); the figures are per
/// operation. The machine is shared: compare the thread CPU time, not the wall clock.
///
/// Run: `swift package --allow-writing-to-package-directory benchmark --target CoreBenchmarks`
nonisolated(unsafe) let benchmarks = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .cpuUser, threadCPU, .mallocCountTotal, .instructions],
        scalingFactor: .mega,
        maxDuration: .seconds(3),
        maxIterations: 20)

    Benchmark("Price addition") { benchmark in
        // Eight different addends so the loop cannot be folded into one multiplication.
        let steps = (1...8).map { Price(uncheckedRaw: Int64($0), precision: 2) }
        var sum = Price.zero(precision: 2)
        let cpu = threadCPUNanoseconds()
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations {
            sum = try sum + steps[i & 7]
        }
        benchmark.stopMeasurement()
        benchmark.measurement(threadCPU, threadCPUNanoseconds() - cpu)
        blackHole(sum)
    }

    Benchmark("Position.apply(fill:)") { benchmark in
        var rng = SplitMix64(seed: 42)
        let instrument = TestDefaults.instrument
        let fills = try RandomMarket.fills(
            count: 4096, instrument: instrument, start: Price(parsing: "100.00"), using: &rng)
        var position = Position(id: try PositionID("P-1"), instrument: instrument)
        let cpu = threadCPUNanoseconds()
        benchmark.startMeasurement()
        try apply(fills, to: &position, count: benchmark.scaledIterations.count)
        benchmark.stopMeasurement()
        benchmark.measurement(threadCPU, threadCPUNanoseconds() - cpu)
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
