import ArgumentParser
import BourseCore
import BourseData
import BourseEngine
import BourseSQLite
import Foundation

/// `bourse paper`: a crash-safe paper-trading session on replayed bars, journaled to SQLite.
struct PaperCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paper",
        abstract: "Paper-trade replayed bars against the simulated venue, journaling every command and event.",
        discussion: """
            Run it again on the same journal after a crash (or a kill): it restores its state, the simulated venue \
            and the strategy from the latest snapshot, re-runs only the bars after it against the journal, reconciles, journals what \
            the crash lost, and carries on. Orders are never sent twice.
            """
    )

    @Option(help: "The journal file (SQLite); created when missing, recovered when present.") var journal: String
    @Option(help: "OHLCV CSV file to replay.") var bars: String
    @Option(help: "Bar length of the file: 1d, 1h, 1m.") var spec = "1d"
    @Option(help: "Whether the file's timestamps label bar opens or closes.") var labels = "open"
    @Option(help: "Starting cash.") var cash = "100000"
    @Option(help: "Account currency.") var currency = "USD"
    @Option(help: "Fast moving average length.") var fast = 5
    @Option(help: "Slow moving average length.") var slow = 20
    @Option(help: "Order quantity (whole units).") var quantity = 10
    @Option(help: "Durability: group (group commit) or fsync (every event).") var durability = "group"
    @Option(help: "Group commit window in milliseconds.") var groupMs = 10
    @Option(help: "Snapshot every this many bars (0: never).") var snapshotEvery = 100
    @Option(help: "Who runs the session (audit trail); default $USER.") var user: String?

    func run() throws {
        let currency = try Currency.named(self.currency)
        let cash = try Money(parsing: self.cash, currency)
        guard let spec = ["1d": BarSpec.oneDay, "1h": .oneHour, "1m": .oneMinute][self.spec] else {
            throw ValidationError("--spec is 1d, 1h or 1m, got '\(self.spec)'")
        }
        guard let labels = TimestampLabel(rawValue: labels) else { throw ValidationError("--labels is open or close") }
        let mode: JournalDurability
        switch durability {
        case "group": mode = .groupCommit(milliseconds: groupMs)
        case "fsync": mode = .everyEvent
        default: throw ValidationError("--durability is group or fsync, got '\(durability)'")
        }
        let input = try BacktestConfig.csv(paths: [bars], spec: spec, labels: labels, startingCash: cash)
        let instrument = input.instruments[0]
        let configuration = PaperSessionConfiguration(
            instrument: instrument, bars: input.bars[0].bars, startingCash: cash, strategyID: try StrategyID("PAPER-1"),
            accountID: try AccountID("PAPER-001"),
            strategy: try PaperStrategy(fast: fast, slow: slow, quantity: Quantity(raw: Int64(quantity), precision: 0)),
            snapshotEvery: snapshotEvery,
            actor: user ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown")
        let store = try SQLiteEventJournal(path: journal, durability: mode)
        for warning in store.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        let session = try PaperSession(configuration: configuration, journal: store, snapshots: store)
        let state = try session.run()
        if let recovery = session.recovery { print("recovered: \(recovery)") }
        print(PaperSessionReport.summary(state))
    }
}
