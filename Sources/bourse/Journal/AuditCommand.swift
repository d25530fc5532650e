import ArgumentParser
import BourseCore
import BourseEngine
import BourseSQLite
import Foundation

/// `bourse audit`: check and read a journal's hash-chained audit trail.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify, list or replay a journal's audit trail.",
        subcommands: [AuditVerify.self, AuditShow.self, AuditReplay.self]
    )
}

/// `bourse audit verify`: exit status 1 and the first bad record when the journal was tampered with.
struct AuditVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check the hash chain; name the first edited, deleted or reordered record.")

    @Option(help: "The journal file.") var journal: String

    func run() throws {
        let (text, intact) = try output()
        print(text)
        if !intact { throw ExitCode(1) }
    }

    /// The verdict as printed, and whether the chain is intact.
    func output() throws -> (text: String, intact: Bool) {
        let result = try JournalVerifier.verify(path: journal)
        return ("\(result)", result.isIntact)
    }
}

/// `bourse audit show`: the records of one order, a time range, or some kinds.
struct AuditShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "List journal records, filtered by order, time or kind.")

    @Option(help: "The journal file.") var journal: String
    @Option(help: "Only records about this client order id.") var order: String?
    @Option(help: "From this date (YYYY-MM-DD, inclusive).") var from: String?
    @Option(help: "To this date (YYYY-MM-DD, inclusive).") var to: String?
    @Option(help: "Only this kind (repeatable): e.g. order-filled, submit-order, risk-decision.") var type: [String] = []

    func run() throws { print(try output()) }

    /// One line per matching record, then their count.
    func output() throws -> String {
        let kinds = try type.map { name in
            guard let kind = JournalEntryKind(name: name) else {
                throw ValidationError(
                    "unknown --type '\(name)'; kinds: \(JournalEntryKind.allCases.map(\.description).joined(separator: ", "))")
            }
            return kind
        }
        let store = try SQLiteEventJournal(readingOnly: journal)
        let records = try store.records(
            order: try order.map { try ClientOrderID($0) }, from: try from.map { try BacktestOptions.date($0, endOfDay: false) },
            to: try to.map { UnixNanos(try BacktestOptions.date($0, endOfDay: true).rawValue - 1) }, kinds: kinds)
        return (records.map(PaperSessionReport.line) + ["\(records.count) records"]).joined(separator: "\n")
    }
}

/// `bourse audit replay`: the final orders, positions and cash rebuilt from a journal alone.
struct AuditReplay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Rebuild and print the final orders, positions and cash of a backtest or paper journal from its records.")

    @Option(help: "The journal file.") var journal: String

    func run() throws { print(try output()) }

    func output() throws -> String {
        guard FileManager.default.fileExists(atPath: journal) else { throw ValidationError("no journal at \(journal)") }
        let store = try SQLiteEventJournal(readingOnly: journal)
        return (store.warnings.map { "warning: \($0)" } + [PaperSessionReport.details(try JournalReplay.state(of: store))])
            .joined(separator: "\n")
    }
}

