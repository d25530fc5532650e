import BourseCore
import BourseData
import BourseEngine
import BourseExecution
import BourseSQLite
import Foundation
import Testing

/// The crash test: `bourse paper` is killed with SIGKILL at random moments (at least 50 times),
/// restarted each time on the same journal, and must end exactly where an uninterrupted run ends.
@Suite(.serialized) struct PaperCrashTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let bars = root.appendingPathComponent("data/demo/GOOG.csv").path

    /// The `bourse` executable next to the test bundle (or `BOURSE_BIN`).
    static func executable() throws -> String {
        if let path = ProcessInfo.processInfo.environment["BOURSE_BIN"] { return path }
        var candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("bourse").path]
        for config in ["debug", "release"] { candidates.append(root.appendingPathComponent(".build/\(config)/bourse").path) }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw CrashTestError("bourse executable not found in \(candidates); build it first or set BOURSE_BIN")
        }
        return found
    }

    struct CrashTestError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    static func paper(journal: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable())
        process.arguments = ["paper", "--journal", journal, "--bars", bars, "--fast", "3", "--slow", "8", "--snapshot-every", "150"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func killedFiftyTimesTheSessionEndsAsAnUninterruptedOne() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bourse-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let reference = directory.appendingPathComponent("reference.sqlite").path
        let crashed = directory.appendingPathComponent("crashed.sqlite").path

        let start = ContinuousClock.now
        let clean = try Self.paper(journal: reference)
        clean.waitUntilExit()
        #expect(clean.terminationStatus == 0)
        let runTime = ContinuousClock.now - start

        var seed = UInt64(ProcessInfo.processInfo.environment["CRASH_SEED"] ?? "") ?? UInt64.random(in: 1...UInt64.max)
        print("crash test seed \(seed) (set CRASH_SEED to repeat); uninterrupted run \(runTime)")
        var kills = 0
        var completions = 0
        while kills < 50 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let fraction = Double(seed >> 11) / Double(1 << 53)
            let process = try Self.paper(journal: crashed)
            Thread.sleep(forTimeInterval: Self.seconds(runTime) * (0.05 + 0.9 * fraction))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                if process.terminationReason == .uncaughtSignal { kills += 1 }
            } else {
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "a restart failed (seed \(seed))")
                completions += 1
            }
        }
        let last = try Self.paper(journal: crashed)
        last.waitUntilExit()
        #expect(last.terminationStatus == 0)
        print("crash test: \(kills) kills, \(completions) runs finished before their kill")

        let expected = try SQLiteEventJournal(path: reference).records()
        let actual = try SQLiteEventJournal(path: crashed).records()
        let trading = { (records: [JournalRecord]) in records.map(\.entry).filter { !PaperSession.isPerProcessRecord($0) } }
        #expect(trading(actual) == trading(expected), "orders, fills or bars lost or duplicated")
        let fills = actual.compactMap { record -> TradeID? in
            if case .event(.filled(let fill)) = record.entry { fill.tradeID } else { nil }
        }
        #expect(Set(fills).count == fills.count && !fills.isEmpty, "a fill is journaled twice")
        let submits = actual.compactMap { record -> ClientOrderID? in
            if case .command(.submit(let c)) = record.entry { c.order.clientOrderID } else { nil }
        }
        #expect(Set(submits).count == submits.count && !submits.isEmpty, "an order was sent twice")
        #expect(try JournalVerifier.verify(path: crashed).isIntact)
        // The recoveries journaled what they did: some crashes lost records that the restart produced again.
        let recoveries = actual.compactMap { record -> Int? in
            guard case .audit(let audit) = record.entry, audit.category == .recovery else { return nil }
            let words = audit.reason.split(separator: " ")
            guard let at = words.indices.first(where: { $0 > 0 && words[$0] == "records" && words[$0 + 1] == "lost" }) else { return nil }
            return Int(words[at - 1])
        }
        print("crash test: \(recoveries.count) recoveries, \(recoveries.filter { $0 > 0 }.count) re-emitted lost records")
        #expect(recoveries.count >= 20, "restarts that got as far as recovering")
        #expect(recoveries.contains { $0 > 0 }, "no crash ever lost an unsynced record: the kills did not hit a write window")

        let instrument = try BacktestConfig.csv(paths: [Self.bars], spec: .oneDay, labels: .open,
            startingCash: Money(parsing: "100000", .USD)).instruments
        func fold(_ records: [JournalRecord]) throws -> JournalState {
            var state = try JournalState(
                instruments: instrument, accountID: AccountID("PAPER-001"), startingBalances: [Money(parsing: "100000", .USD)])
            for record in records { try state.apply(record) }
            return state
        }
        let a = try fold(actual)
        let b = try fold(expected)
        #expect(a.orders == b.orders)
        #expect(a.positions == b.positions)
        #expect(a.account == b.account)
        #expect(a.fillCount == b.fillCount && a.fillCount > 10)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
