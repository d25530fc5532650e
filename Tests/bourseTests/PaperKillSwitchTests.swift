import BourseCore
import BourseEngine
import BourseSQLite
import Foundation
import Testing

/// `bourse killswitch trigger` in one process reaches `bourse paper --kill-switch-state` in another.
@Suite struct PaperKillSwitchTests {
    static func run(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try PaperCrashTests.executable())
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func aTripFromAnotherProcessStopsTheSessionsOrders() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bourse-kill-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let state = "\(directory)/killswitch.json"
        let paper = ["paper", "--bars", PaperCrashTests.bars, "--strategy", "sma-cross", "--param", "fast=3", "--param", "slow=8"]

        #expect(try Self.run(paper + ["--journal", "\(directory)/free.sqlite", "--kill-switch-state", state]) == 0)
        #expect(try Self.run(["killswitch", "trigger", "--state", state, "--who", "ops", "--why", "halt trading"]) == 0)
        #expect(try Self.run(paper + ["--journal", "\(directory)/halted.sqlite", "--kill-switch-state", state]) == 0)

        let submits = { (records: [JournalRecord]) in
            records.filter { if case .command(.submit) = $0.entry { true } else { false } }.count
        }
        #expect(submits(try SQLiteEventJournal(path: "\(directory)/free.sqlite").records()) > 10, "no switch file: trades")
        let halted = try SQLiteEventJournal(path: "\(directory)/halted.sqlite").records()
        let instruction = halted.first { record in
            if case .audit(let audit) = record.entry { audit.action == KillSwitchInstruction.trip(operatorName: "", reason: "").auditAction } else { false }
        }
        #expect(instruction.map { if case .audit(let audit) = $0.entry { audit.reason.contains("halt trading") } else { false } } == true)
        #expect(submits(halted) == 0, "tripped before the first bar: nothing sent")
        #expect(halted.contains { if case .event(.denied) = $0.entry { true } else { false } })
    }
}
