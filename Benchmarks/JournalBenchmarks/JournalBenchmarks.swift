import Benchmark
import BourseCore
import BourseEngine
import BourseSQLite
import BourseTestKit
import Foundation

/// A paper session on `count` random bars, snapshotting every `snapshotEvery` bars (0: never).
func paperConfiguration(bars count: Int, snapshotEvery: Int) throws -> PaperSessionConfiguration {
    var rng = SplitMix64(seed: 17)
    let instrument = TestDefaults.instrument
    let bars = try RandomMarket.bars(
        count: count, barType: BarType(instrumentID: instrument.id, spec: .oneMinute), start: Price(raw: 10_000, precision: 2),
        firstClose: TestDefaults.time, using: &rng)
    return PaperSessionConfiguration(
        instrument: instrument, bars: bars, startingCash: Money(uncheckedRaw: 1_000_000_00, currency: .USD),
        strategyID: TestDefaults.strategyID, accountID: TestDefaults.accountID,
        strategy: try PaperStrategy(fast: 3, slow: 8, quantity: Quantity(raw: 5, precision: 0)), snapshotEvery: snapshotEvery,
        actor: "bench")
}

/// The records of a paper session on random bars: a realistic mix of bars, commands, events and audit records.
func sessionRecords(bars count: Int) -> [JournalRecord] {
    do {
        let journal = InMemoryEventJournal()
        try PaperSession(
            configuration: try paperConfiguration(bars: count, snapshotEvery: 0), journal: journal, snapshots: InMemorySnapshotStore()
        ).run()
        return try journal.records()
    } catch {
        fatalError("benchmark setup failed: \(error)")
    }
}

/// A copy of `records` in a new journal (what a restarted process finds on disk).
func journal(of records: [JournalRecord]) throws(JournalError) -> InMemoryEventJournal {
    let journal = InMemoryEventJournal()
    for record in records { try journal.append(record.entry, timestamp: record.timestamp, correlationID: record.correlationID) }
    return journal
}

/// The calling thread's CPU time in nanoseconds: precise, where the harness's CPU metrics count
/// 10 ms ticks, and unaffected by other processes on the shared cores.
func threadCPUNanos() -> Int {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return time.tv_sec * 1_000_000_000 + time.tv_nsec
}

/// Thread CPU nanoseconds per record, the figure the README compares.
let cpuPerRecord = BenchmarkMetric.custom("thread CPU ns per record", polarity: .prefersSmaller, useScalingFactor: false)

func temporaryJournalPath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("journal-bench-\(UUID().uuidString).sqlite").path
}

func removeJournal(_ path: String) {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}

let benchmarks: @Sendable () -> Void = {
    let records = sessionRecords(bars: 20_000)
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuUser, .throughput, .mallocCountTotal, cpuPerRecord]

    Benchmark(
        "Journal append, group commit 10 ms (SQLite, synchronous=FULL)",
        configuration: .init(metrics: metrics, scalingFactor: .kilo, maxDuration: .seconds(10), maxIterations: 20)
    ) { benchmark in
        let path = temporaryJournalPath()
        defer { removeJournal(path) }
        do {
            let journal = try SQLiteEventJournal(path: path, durability: .groupCommit(milliseconds: 10))
            benchmark.startMeasurement()
            let cpu = threadCPUNanos()
            for i in benchmark.scaledIterations {
                let record = records[i % records.count]
                try journal.append(record.entry, timestamp: record.timestamp, correlationID: record.correlationID)
            }
            try journal.sync()
            benchmark.measurement(cpuPerRecord, (threadCPUNanos() - cpu) / benchmark.scaledIterations.count)
            benchmark.stopMeasurement()
        } catch { benchmark.error("\(error)") }
    }

    Benchmark(
        "Journal append, fsync every event (SQLite, synchronous=FULL)",
        configuration: .init(metrics: metrics, scalingFactor: .one, maxDuration: .seconds(10), maxIterations: 2_000)
    ) { benchmark in
        let path = temporaryJournalPath()
        defer { removeJournal(path) }
        do {
            let journal = try SQLiteEventJournal(path: path, durability: .everyEvent)
            let record = records[0]
            benchmark.startMeasurement()
            let cpu = threadCPUNanos()
            for _ in benchmark.scaledIterations {
                try journal.append(record.entry, timestamp: record.timestamp, correlationID: record.correlationID)
            }
            benchmark.measurement(cpuPerRecord, (threadCPUNanos() - cpu) / benchmark.scaledIterations.count)
            benchmark.stopMeasurement()
        } catch { benchmark.error("\(error)") }
    }

    // The replay benchmarks read a journal file of `records`, written before their iterations
    // (checkpointed into the database file when closed) and removed after them.
    let replayPath = temporaryJournalPath()
    let replayConfiguration = Benchmark.Configuration(
        metrics: metrics, scalingFactor: .one, maxDuration: .seconds(10), maxIterations: 30,
        setup: {
            removeJournal(replayPath)
            let journal = try SQLiteEventJournal(path: replayPath, durability: .groupCommit(milliseconds: 1_000))
            for record in records { try journal.append(record.entry, timestamp: record.timestamp, correlationID: record.correlationID) }
            try journal.sync()
        },
        teardown: { removeJournal(replayPath) })

    Benchmark("Journal replay: read + decode (SQLite), \(records.count) records", configuration: replayConfiguration) { benchmark in
        do {
            let journal = try SQLiteEventJournal(path: replayPath)
            var count = 0
            benchmark.startMeasurement()
            let cpu = threadCPUNanos()
            try journal.forEach(after: 0) { _ in count += 1 }
            benchmark.measurement(cpuPerRecord, (threadCPUNanos() - cpu) / records.count)
            benchmark.stopMeasurement()
            blackHole(count)
        } catch { benchmark.error("\(error)") }
    }

    Benchmark("Journal replay: read + decode + rebuild state (SQLite), \(records.count) records", configuration: replayConfiguration) {
        benchmark in
        do {
            let journal = try SQLiteEventJournal(path: replayPath)
            var state = try JournalState(
                instruments: [TestDefaults.instrument], accountID: TestDefaults.accountID,
                startingBalances: [Money(uncheckedRaw: 1_000_000_00, currency: .USD)])
            benchmark.startMeasurement()
            let cpu = threadCPUNanos()
            try journal.forEach(after: 0) { record throws(JournalError) in try state.apply(record) }
            benchmark.measurement(cpuPerRecord, (threadCPUNanos() - cpu) / records.count)
            benchmark.stopMeasurement()
            blackHole(state.fillCount)
        } catch { benchmark.error("\(error)") }
    }

    // A restart at the end of a 20,000-bar session whose last 10 bars' records were lost: from the
    // latest snapshot (venue, strategy and counters restored; bar 19,000 on) or, without one, from the first bar.
    do {
        let configuration = try paperConfiguration(bars: 20_000, snapshotEvery: 1_000)
        let full = InMemoryEventJournal()
        let snapshots = InMemorySnapshotStore()
        try PaperSession(configuration: configuration, journal: full, snapshots: snapshots).run(limit: 19_990)
        let survived = try full.records()
        for (name, saved) in [("from the latest snapshot", snapshots.snapshots), ("from the first bar (no snapshot)", [])] {
            Benchmark(
                "Paper restart after a crash at bar 19,990 of 20,000, \(name)",
                configuration: .init(metrics: [.wallClock, .cpuUser, .mallocCountTotal], scalingFactor: .one, maxDuration: .seconds(10), maxIterations: 10)
            ) { benchmark in
                do {
                    let journal = try journal(of: survived)
                    // A fresh store each time: the restarted run saves snapshots of its own.
                    let store = InMemorySnapshotStore()
                    for snapshot in saved { try store.save(snapshot) }
                    benchmark.startMeasurement()
                    let session = try PaperSession(configuration: configuration, journal: journal, snapshots: store)
                    try session.run()
                    benchmark.stopMeasurement()
                    blackHole(session.barsRun)
                    if session.recovery?.reconciled != true { benchmark.error("the restart did not reconcile") }
                } catch { benchmark.error("\(error)") }
            }
        }
    } catch { fatalError("benchmark setup failed: \(error)") }

    let encoded = records.map { JournalCodec.encode($0) }
    Benchmark("Journal decode only (in memory), \(records.count) records", configuration: replayConfiguration) { benchmark in
        do {
            // One reader for all the records, as the stores replay.
            var reader = ByteReader()
            let cpu = threadCPUNanos()
            for bytes in encoded {
                try bytes.withUnsafeBytes { buffer in blackHole(try reader.readRecord(buffer)) }
            }
            benchmark.measurement(cpuPerRecord, (threadCPUNanos() - cpu) / records.count)
        } catch { benchmark.error("\(error)") }
    }
}
