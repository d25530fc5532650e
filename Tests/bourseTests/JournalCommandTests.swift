import ArgumentParser
import BourseCore
import Foundation
import Testing

@testable import bourse

/// `bourse backtest --journal`, `bourse killswitch … --journal` and `bourse audit`, as a user types them.
@Suite struct JournalCommandTests {
    static let goog = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data/demo/GOOG.csv").path

    let directory = "\(FileManager.default.temporaryDirectory.path)/bourse-journal-\(UUID().uuidString)"
    var journal: String { "\(directory)/run.sqlite" }

    init() throws { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }

    func show(_ arguments: [String]) throws -> [String] {
        let command = try #require(try Bourse.parseAsRoot(["audit", "show", "--journal", journal] + arguments) as? AuditShow)
        return try command.output().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func verify() throws -> (text: String, intact: Bool) {
        let command = try #require(try Bourse.parseAsRoot(["audit", "verify", "--journal", journal]) as? AuditVerify)
        return try command.output()
    }

    @Test func aJournaledBacktestCanBeVerifiedAndListed() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var backtest = try Bourse.parseAsRoot([
            "backtest", "--strategy", "sma-cross", "--data", Self.goog, "--journal", journal, "--commission", "0.002",
        ])
        try backtest.run()
        #expect(try verify().intact)

        let configuration = try show(["--type", "configuration-change"])
        #expect(configuration.last == "1 records")
        #expect(configuration.contains { $0.contains("backtest.commission=0.002 (flag --commission)") })
        let start = try show(["--type", "operator-command"])
        #expect(start.first?.contains("bourse backtest sma-cross") == true)

        let decisions = try show(["--type", "risk-decision"])
        #expect(decisions.count > 20 && decisions.allSatisfy { $0.contains("approved") || $0.hasSuffix("records") })
        // One order's chain: its risk decision, its command, its events, all under one signal.
        let order = try show(["--order", "O-1"])
        #expect(order.contains { $0.contains("risk-decision") } && order.contains { $0.contains("submit-order") })
        #expect(order.contains { $0.contains("order-filled") })
        let signals = Set(order.dropLast().map { $0.components(separatedBy: "  ")[3] })
        #expect(signals.count == 1 && signals.first?.hasPrefix("SIG-") == true, "\(signals)")
        // A time range: the opening records (session start, operator command, configuration), before the first signal.
        let range = try show(["--from", "2004-08-20", "--to", "2004-08-31"])
        #expect(range.count == 4 && range.dropLast().allSatisfy { $0.contains(" 2004-08-20T") })
        #expect(range.first?.contains("session-start") == true)

        // One journal per run.
        backtest = try Bourse.parseAsRoot(["backtest", "--strategy", "sma-cross", "--data", Self.goog, "--journal", journal])
        #expect { try backtest.run() } throws: { "\($0)".contains("already holds") }
    }

    /// `bourse audit replay` rebuilds a backtest's final orders, position and cash from its journal
    /// alone (that they equal the run's own is `KernelJournalTests`' check; this is the command).
    @Test func aBacktestJournalReplaysFromTheJournalAlone() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var backtest = try Bourse.parseAsRoot([
            "backtest", "--strategy", "sma-cross", "--data", Self.goog, "--journal", journal, "--account", "cash",
        ])
        try backtest.run()
        let replay = try #require(try Bourse.parseAsRoot(["audit", "replay", "--journal", journal]) as? AuditReplay)
        let lines = try replay.output().split(separator: "\n").map(String.init)
        let orders = lines.filter { $0.hasPrefix("order ") }
        #expect(lines.first?.hasPrefix("orders \(orders.count) ") == true && orders.count > 10, "\(lines.prefix(3))")
        #expect(orders.allSatisfy { $0.contains(" FILLED ") || $0.contains(" DENIED ") || $0.contains(" CANCELED ") }, "\(orders)")
        #expect(lines.contains { $0.hasPrefix("position GOOG.") })
        #expect(lines.last?.hasPrefix("cash ") == true && lines.last?.hasSuffix(" USD") == true, "\(lines.last ?? "")")

        let missing = try #require(try Bourse.parseAsRoot(["audit", "replay", "--journal", "\(directory)/none.sqlite"]) as? AuditReplay)
        #expect { try missing.output() } throws: { "\($0)".contains("no journal at") }
    }

    @Test func killSwitchActionsAreJournaledWithWhoAndWhy() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let state = "\(directory)/killswitch.json"
        func run(_ arguments: [String], at seconds: Int64) throws {
            let command = try Bourse.parseAsRoot(["killswitch"] + arguments + ["--state", state, "--journal", journal])
            let now = UnixNanos(1_700_000_000_000_000_000 + seconds * 1_000_000_000)
            switch command {
            case let trigger as KillSwitchCommand.Trigger: _ = try trigger.output(environment: [:], at: now)
            case let reset as KillSwitchCommand.Reset: _ = try reset.output(environment: [:], at: now)
            default: throw ValidationError("unexpected command")
            }
        }
        try run(["trigger", "--who", "alice", "--why", "venue acting up"], at: 1)
        try run(["trigger", "--who", "carol", "--why", "already off"], at: 2)  // changes nothing: not journaled
        try run(["reset", "--who", "bob", "--why", "venue healthy again"], at: 3)
        let lines = try show(["--type", "kill-switch"])
        #expect(lines.count == 3)
        #expect(lines[0].contains("alice: trigger kill switch — venue acting up"))
        #expect(lines[1].contains("bob: reset kill switch — venue healthy again"))
        #expect(try verify().intact)
    }
}
