import ArgumentParser
import BourseCore
import BourseData
import BourseEngine
import BourseSQLite
import BourseStrategies
import Foundation

/// `bourse paper`: a crash-safe paper-trading session on replayed bars, journaled to SQLite.
struct PaperCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paper",
        abstract: "Paper-trade replayed bars against the simulated venue, journaling every command and event.",
        discussion: """
            With --strategy NAME (a built-in strategy, --param NAME=VALUE as for `bourse backtest`) the session runs on the \
            backtest kernel; without it, the paper strategy (--fast, --slow, --quantity). Run it again on the same journal after \
            a crash (or a kill): it restores its state, re-runs the journaled bars against the journal (the paper strategy \
            resumes from the latest snapshot's bar, its venue and strategy restored), reconciles, journals what the crash lost, \
            and carries on. Orders are never sent twice.
            """
    )

    @Option(help: "The journal file (SQLite); created when missing, recovered when present.") var journal: String
    @Option(help: "OHLCV CSV file to replay.") var bars: String
    @Option(help: "Bar length of the file: 1d, 1h, 1m.") var spec = "1d"
    @Option(help: "Whether the file's timestamps label bar opens or closes.") var labels = "open"
    @Option(help: "Starting cash.") var cash = "100000"
    @Option(help: "Account currency.") var currency = "USD"
    @Option(help: "A built-in strategy (see `bourse backtest --help`); default: the paper strategy.") var strategy: String?
    @Option(name: .customLong("param"), help: "A parameter of --strategy, NAME=VALUE (repeatable).") var params: [String] = []
    @Option(help: "With --strategy: account kind, margin (leverage 1) or cash.") var account = "margin"
    @Option(help: "With --strategy: commission as a fraction of notional per fill.") var commission = "0"
    @Option(help: "With --strategy: the kill switch's state file (`bourse killswitch --state`), polled before each bar.")
    var killSwitchState: String?
    @Option(help: "Fast moving average length (paper strategy).") var fast = 5
    @Option(help: "Slow moving average length (paper strategy).") var slow = 20
    @Option(help: "Order quantity, whole units (paper strategy).") var quantity = 10
    @Option(help: "Durability: group (group commit) or fsync (every event).") var durability = "group"
    @Option(help: "Group commit window in milliseconds.") var groupMs = 10
    @Option(help: "Snapshot every this many bars, 0: never (with --strategy: at the first bar from there with no order working).") var snapshotEvery = 100
    @Option(help: "Who runs the session (audit trail); default $USER.") var user: String?

    func validate() throws {
        if strategy == nil && (!params.isEmpty || killSwitchState != nil) {
            throw ValidationError("--param and --kill-switch-state need --strategy NAME")
        }
    }

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
        var input = try BacktestConfig.csv(paths: [bars], spec: spec, labels: labels, startingCash: cash)
        let actor = user ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown"
        let store = try SQLiteEventJournal(path: journal, durability: mode)
        for warning in store.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        if let strategy {
            let entry = try StrategyCatalog.named(strategy)
            switch account {
            case "margin": break
            case "cash": input.accountKind = .cash
            default: throw ValidationError("--account is margin or cash, got '\(account)'")
            }
            do { input.commissionRate = try Rate(parsing: commission) } catch {
                throw ValidationError("--commission \(commission): \(error)")
            }
            input.accountID = try AccountID("PAPER-001")
            let session = try entry.paper(
                params, PaperSessionSetup(
                    config: input, journal: store, snapshots: store, snapshotEvery: snapshotEvery, actor: actor,
                    description: ([strategy] + params).joined(separator: " "),
                    killSwitchInstructions: killSwitchState.map { path in { try KillSwitchStore(path: path).instruction() } }))
            if let recovery = session.recovery { print("recovered: \(recovery)") }
            print(PaperSessionReport.summary(session.state) + " equity \(session.equity) portfolio cash \(session.cash)")
            return
        }
        let instrument = input.instruments[0]
        let configuration = PaperSessionConfiguration(
            instrument: instrument, bars: input.bars[0].bars, startingCash: cash, strategyID: try StrategyID("PAPER-1"),
            accountID: try AccountID("PAPER-001"),
            strategy: try PaperStrategy(fast: fast, slow: slow, quantity: Quantity(raw: Int64(quantity), precision: 0)),
            snapshotEvery: snapshotEvery,
            actor: actor)
        let session = try PaperSession(configuration: configuration, journal: store, snapshots: store)
        let state = try session.run()
        if let recovery = session.recovery { print("recovered: \(recovery)") }
        print(PaperSessionReport.summary(state))
    }
}
