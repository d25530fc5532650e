import ArgumentParser
import BourseConfiguration
import BourseCore
import BourseEngine
import BourseRisk
import BourseSQLite
import Foundation

/// `bourse killswitch status|trigger|reset`: the operator's hand on the kill switch. Its history
/// is kept in a JSON file (default `<home>/killswitch.json`) so it survives between invocations.
struct KillSwitchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "killswitch",
        abstract: "Show, trigger or reset the kill switch.",
        subcommands: [Status.self, Trigger.self, Reset.self]
    )

    /// Options every subcommand takes.
    struct Options: ParsableArguments {
        @OptionGroup var config: ConfigurationOptions
        @Option(help: "The kill switch's state file (default: <home>/killswitch.json).") var state: String?
        @Option(help: "Also journal the action (who, what, why) in this journal's audit trail (SQLite).") var journal: String?

        /// The store for this process environment.
        func store(environment: [String: String]) throws -> KillSwitchStore {
            let path = try state ?? (config.load(environment: environment)[PlatformSettings.home] + "/killswitch.json")
            return KillSwitchStore(path: path)
        }

        /// Loads the switch, applies `change` and, when `change` says it changed, saves it and
        /// journals `action` (when a journal is given); the new state's text.
        func update(
            environment: [String: String], action: String, who: String, why: String, at now: UnixNanos,
            _ change: (inout KillSwitch) throws -> Bool
        ) throws -> String {
            let store = try store(environment: environment)
            var killSwitch = try store.load()
            guard try change(&killSwitch) else { return "nothing changed\n" + KillSwitchStore.describe(killSwitch) }
            try store.save(killSwitch)
            try journal(action: action, who: who, why: why, at: now)
            return KillSwitchStore.describe(killSwitch)
        }

        /// Journals a kill-switch action in ``journal``'s audit trail (when one is given).
        func journal(action: String, who: String, why: String, at now: UnixNanos) throws {
            guard let journal else { return }
            let store = try SQLiteEventJournal(path: journal)
            try store.append(
                .audit(AuditEntry(category: .killSwitch, actor: who, action: action, reason: why)), timestamp: now, correlationID: "")
            try store.sync()
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the state and its history.")
        @OptionGroup var options: Options

        func output(environment: [String: String]) throws -> String {
            KillSwitchStore.describe(try options.store(environment: environment).load())
        }

        func run() throws { print(try output(environment: ProcessInfo.processInfo.environment)) }
    }

    struct Trigger: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Trip the switch: new orders stop until a reset.")
        @OptionGroup var options: Options
        @Option(help: "Who pulls the switch.") var who: String
        @Option(help: "Why.") var why: String

        func output(environment: [String: String], at now: UnixNanos) throws -> String {
            try options.update(environment: environment, action: "trigger kill switch", who: who, why: why, at: now) {
                !$0.trigger(operatorName: who, reason: why, at: now).isEmpty
            }
        }

        func run() throws { print(try output(environment: ProcessInfo.processInfo.environment, at: LiveClock().now)) }
    }

    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Re-arm a triggered switch; records who and why.")
        @OptionGroup var options: Options
        @Option(help: "The operator resetting it.") var who: String
        @Option(help: "Why trading may resume.") var why: String

        func output(environment: [String: String], at now: UnixNanos) throws -> String {
            try options.update(environment: environment, action: "reset kill switch", who: who, why: why, at: now) { killSwitch in
                do { return !(try killSwitch.reset(operatorName: who, reason: why, at: now)).isEmpty } catch {
                    throw ValidationError("cannot reset: \(error)")
                }
            }
        }

        func run() throws { print(try output(environment: ProcessInfo.processInfo.environment, at: LiveClock().now)) }
    }
}
