import ArgumentParser
import BourseConfiguration

/// `bourse config validate FILE`: checks a configuration file on its own.
struct ConfigValidate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a configuration file: every key known, every value valid.",
        discussion: "The file is checked on its own, without the environment or other flags."
    )

    @Argument(help: "The YAML configuration file to check.")
    var file: String

    /// The verdict on a valid file; an invalid one throws its issues.
    func output() throws -> String {
        let configuration = try Configuration.load(schema: .bourse(), file: ConfigurationFile.read(path: file))
        let set = configuration.entries.filter { $0.source != .defaultValue }.count
        return "\(file): valid (sets \(set) of \(configuration.entries.count) settings)"
    }

    func run() throws {
        print(try output())
    }
}
