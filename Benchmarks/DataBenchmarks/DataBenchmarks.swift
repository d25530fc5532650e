import Benchmark
import BourseCore
import BourseData
import BourseSQLite
import Foundation

/// Data-layer throughput on a large generated file (`scripts/generate_random_walk.py`;
/// path in `BOURSE_BENCH_CSV`, default `/tmp/bourse-bench/random_walk.csv`). Each
/// iteration processes the whole file; bars/s = rows ÷ time per iteration (wall clock, and
/// CPU time from `cpuTotal`, the figure to trust on a loaded machine).
let benchmarks: @Sendable () -> Void = {
    let csv = ProcessInfo.processInfo.environment["BOURSE_BENCH_CSV"] ?? "/tmp/bourse-bench/random_walk.csv"
    guard FileManager.default.fileExists(atPath: csv) else {
        print("DataBenchmarks: no input at \(csv); run scripts/generate_random_walk.py first")
        return
    }
    let barType = BarType(instrumentID: try! InstrumentID("RW.SIM"), spec: .oneMinute)
    var options = BarImportOptions(barType: barType, labels: .open)
    options.rules.reportGaps = false
    let work = URL(fileURLWithPath: csv).deletingLastPathComponent()
    // The bar file sits next to its CSV, so inputs of different sizes do not share it.
    let barPath = csv + ".bars"

    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident], timeUnits: .milliseconds, maxDuration: .seconds(120), maxIterations: 3)

    Benchmark("Parse and validate CSV (no output)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try BarCSVImporter.importBars(path: csv, options: options).series.count)
        }
    }

    Benchmark("CSV to bar file") { benchmark in
        for _ in benchmark.scaledIterations {
            let report = try BarCSVImporter.importBarFile(path: csv, to: barPath, options: options)
            print("CSV to bar file: \(report.rowsKept) bars")
        }
    }

    Benchmark("CSV to series, series to bar file") { benchmark in
        for _ in benchmark.scaledIterations {
            let series = try BarCSVImporter.importBars(path: csv, options: options).series
            try BarFileWriter.write(series, to: barPath)
            print("CSV to series, series to bar file: \(series.count) bars")
        }
    }

    Benchmark("Series to bar file (write only)") { benchmark in
        let series = try BarCSVImporter.importBars(path: csv, options: options).series
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            try BarFileWriter.write(series, to: barPath)
        }
        benchmark.stopMeasurement()
        print("Series to bar file: \(series.count) bars")
    }

    Benchmark("CSV to SQLite", configuration: .init(maxIterations: 1)) { benchmark in
        for _ in benchmark.scaledIterations {
            let dir = work.appendingPathComponent("sqlite-\(UUID().uuidString)")
            let store = try SQLiteMarketDataStore(directory: dir)
            let series = try BarCSVImporter.importBars(path: csv, options: options).series
            blackHole(try store.importBars(series, policy: .refuse))
            print("CSV to SQLite: \(series.count) bars")
            try? FileManager.default.removeItem(at: dir)
        }
    }

    Benchmark("Read bar file (open, verify checksum, scan closes)", configuration: .init(maxIterations: 10)) { benchmark in
        if !FileManager.default.fileExists(atPath: barPath) {
            try BarFileWriter.write(try BarCSVImporter.importBars(path: csv, options: options).series, to: barPath)
        }
        for _ in benchmark.scaledIterations {
            let file = try BarFile(path: barPath, verify: true)
            var sum: Int64 = 0
            for c in file.closes { sum &+= c }
            blackHole(sum)
        }
    }

    Benchmark("Read bar file (open without verify, scan closes)", configuration: .init(maxIterations: 10)) { benchmark in
        for _ in benchmark.scaledIterations {
            let file = try BarFile(path: barPath, verify: false)
            var sum: Int64 = 0
            for c in file.closes { sum &+= c }
            blackHole(sum)
        }
    }
}
