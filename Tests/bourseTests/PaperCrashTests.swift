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
    static let goog = root.appendingPathComponent("data/demo/GOOG.csv").path
    /// The first 800 days of GOOG (keeps the test near a minute); written once per run.
    static let bars: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bourse-crash-goog-\(UUID().uuidString).csv").path
        let lines = ((try? String(contentsOfFile: goog, encoding: .utf8)) ?? "").split(separator: "\n", omittingEmptySubsequences: false)
        try? lines.prefix(801).joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }()

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

    /// The sessions under test: the paper strategy and a built-in strategy on the kernel, in a cash
    /// account; both snapshot every 150 bars, so restarts resume at a snapshot's bar.
    enum Session: String, CaseIterable, Sendable {
        case paperStrategy = "paper strategy"
        case smaCross = "sma-cross on the kernel"

        var arguments: [String] {
            switch self {
            case .paperStrategy: ["--fast", "3", "--slow", "8", "--snapshot-every", "150"]
            case .smaCross:
                ["--strategy", "sma-cross", "--param", "fast=3", "--param", "slow=8", "--account", "cash", "--snapshot-every", "150"]
            }
        }
    }

    static func paper(_ session: Session, journal: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable())
        process.arguments = ["paper", "--journal", journal, "--bars", bars] + session.arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test(arguments: Session.allCases)
    func killedFiftyTimesTheSessionEndsAsAnUninterruptedOne(session: Session) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bourse-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let reference = directory.appendingPathComponent("reference.sqlite").path

        let start = ContinuousClock.now
        let clean = try Self.paper(session, journal: reference)
        clean.waitUntilExit()
        #expect(clean.terminationStatus == 0)
        let runTime = ContinuousClock.now - start

        var seed = UInt64(ProcessInfo.processInfo.environment["CRASH_SEED"] ?? "") ?? UInt64.random(in: 1...UInt64.max)
        print("crash test (\(session.rawValue)) seed \(seed) (set CRASH_SEED to repeat); uninterrupted run \(runTime)")
        let expected = try SQLiteEventJournal(path: reference).records()
        // Rounds: a fresh journal, killed again and again until a restart finishes the session, then checked.
        var kills = 0
        var rounds = 0
        var reemitted = 0
        var resumed = 0
        while kills < 50 {
            rounds += 1
            let crashed = directory.appendingPathComponent("crashed-\(rounds).sqlite").path
            var roundKills = 0
            while true {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let fraction = Double(seed >> 11) / Double(1 << 53)
                let process = try Self.paper(session, journal: crashed)
                // A random life of 5 % … 125 % of a clean run: a restart re-runs the journaled part, then trades on.
                Thread.sleep(forTimeInterval: Self.seconds(runTime) * (0.05 + 1.2 * fraction))
                guard process.isRunning else {
                    process.waitUntilExit()
                    #expect(process.terminationStatus == 0, "a restart failed (round \(rounds))")
                    break
                }
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                if process.terminationReason == .uncaughtSignal {
                    kills += 1
                    roundKills += 1
                }
                try #require(roundKills < 200, "the session never finishes between kills")
            }
            let recoveries = try Self.check(crashed, against: expected, round: rounds, kills: roundKills)
            reemitted += recoveries.reemitted
            resumed += recoveries.resumedFromSnapshot
        }
        print(
            "crash test (\(session.rawValue)): \(kills) kills in \(rounds) rounds; \(reemitted) recoveries re-emitted records the crash had lost; "
                + "\(resumed) resumed at a snapshot's bar")
        #expect(reemitted > 0, "no crash ever lost an unsynced record: the kills did not hit a write window")
        #expect(resumed > 0, "no restart resumed from a snapshot (venue and strategy restored)")
    }

    /// Checks a journal that survived kills against the uninterrupted one; returns how many of its
    /// recoveries re-emitted lost records and how many resumed at a snapshot's bar.
    static func check(
        _ crashed: String, against expected: [JournalRecord], round: Int, kills: Int
    ) throws -> (reemitted: Int, resumedFromSnapshot: Int) {
        let actual = try SQLiteEventJournal(path: crashed).records()
        let trading = { (records: [JournalRecord]) in records.map(\.entry).filter { !PaperSession.isPerProcessRecord($0) } }
        #expect(trading(actual) == trading(expected), "round \(round): orders, fills or bars lost or duplicated")
        let fills = actual.compactMap { record -> TradeID? in
            if case .event(.filled(let fill)) = record.entry { fill.tradeID } else { nil }
        }
        #expect(Set(fills).count == fills.count && !fills.isEmpty, "round \(round): a fill is journaled twice")
        let submits = actual.compactMap { record -> ClientOrderID? in
            if case .command(.submit(let c)) = record.entry { c.order.clientOrderID } else { nil }
        }
        #expect(Set(submits).count == submits.count && !submits.isEmpty, "round \(round): an order was sent twice")
        #expect(try JournalVerifier.verify(path: crashed).isIntact)
        let reasons = actual.compactMap { record -> String? in
            guard case .audit(let audit) = record.entry, audit.category == .recovery else { return nil }
            return audit.reason
        }
        let recoveries = reasons.compactMap { reason -> Int? in
            let words = reason.split(separator: " ")
            guard let at = words.indices.first(where: { $0 > 0 && words[$0] == "records" && words[$0 + 1] == "lost" }) else { return nil }
            return Int(words[at - 1])
        }

        let instruments = try BacktestConfig.csv(
            paths: [bars], spec: .oneDay, labels: .open, startingCash: Money(parsing: "100000", .USD)).instruments
        func fold(_ records: [JournalRecord]) throws -> JournalState {
            var state = try JournalState(
                instruments: instruments, accountID: AccountID("PAPER-001"), startingBalances: [Money(parsing: "100000", .USD)])
            for record in records { try state.apply(record) }
            return state
        }
        let a = try fold(actual)
        let b = try fold(expected)
        #expect(a.orders == b.orders, "round \(round)")
        #expect(a.positions == b.positions, "round \(round)")
        #expect(a.account == b.account, "round \(round)")
        #expect(a.fillCount == b.fillCount && a.fillCount > 10, "round \(round)")
        return (recoveries.filter { $0 > 0 }.count, reasons.filter { $0.contains("venue and strategy restored from the snapshot") }.count)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
