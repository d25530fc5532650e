import ArgumentParser
import BourseCore
import BourseEngine
import BourseRisk
import Foundation

/// The kill switch's history in a JSON file: the state is what the history leads to. A missing
/// file is a switch that never tripped; a file that cannot be read is an error, never "active".
struct KillSwitchStore {
    let path: String

    private struct File: Codable {
        var history: [KillSwitchEvent]
    }

    /// The switch the file describes (manual triggers only: the CLI has no live inputs).
    func load() throws -> KillSwitch {
        let configuration = KillSwitchConfiguration()
        guard FileManager.default.fileExists(atPath: path) else { return KillSwitch(configuration, startedAt: .zero) }
        do {
            let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            return KillSwitch(configuration, startedAt: .zero, history: file.history)
        } catch {
            throw ValidationError("kill switch state \(path) cannot be read (\(error)); fix or remove it deliberately")
        }
    }

    /// Writes the history atomically (creating the directory).
    func save(_ killSwitch: KillSwitch) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(File(history: killSwitch.history)).write(to: url, options: .atomic)
    }

    /// `ACTIVE` or `TRIGGERED (trigger)`, then the history, oldest first.
    static func describe(_ killSwitch: KillSwitch) -> String {
        let state: String
        switch killSwitch.state {
        case .active: state = "ACTIVE: new orders allowed"
        case .triggered(let trigger): state = "TRIGGERED (\(trigger)): new orders stopped until a reset"
        }
        let events = killSwitch.history.map { event in
            switch event {
            case .triggered(let trigger, let reason, let ts): "  \(ts)  triggered (\(trigger)): \(reason)"
            case .reset(let who, let reason, let ts): "  \(ts)  reset by \(who): \(reason)"
            }
        }
        return ([state] + (events.isEmpty ? [] : ["history:"] + events)).joined(separator: "\n")
    }
}

extension KillSwitchStore {
    /// What the file tells a running session (polled before each bar): trip when an operator
    /// tripped the switch, reset when the last change was an operator's reset, else nothing.
    func instruction() throws -> KillSwitchInstruction? {
        let killSwitch = try load()
        switch (killSwitch.state, killSwitch.history.last) {
        case (.triggered(.manual), .triggered(_, let reason, _)?): return .trip(operatorName: "bourse killswitch", reason: reason)
        case (.active, .reset(let operatorName, let reason, _)?): return .reset(operatorName: operatorName, reason: reason)
        default: return nil
        }
    }
}
