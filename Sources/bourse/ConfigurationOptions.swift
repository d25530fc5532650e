import ArgumentParser
import BourseConfiguration

/// The options every command that loads configuration takes.
struct ConfigurationOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: "YAML configuration file (default: $BOURSE_CONFIG, else none).")
    var configFile: String?

    @Option(name: .customLong("data-dir"), help: "Data directory (setting 'home').")
    var dataDirectory: String?

    @Option(
        name: .customLong("log-level"),
        help: "Log level: \(LogLevel.allCases.map(\.rawValue).joined(separator: ", ")) (setting 'log.level')."
    )
    var logLevel: String?

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp("Set any setting; repeatable.", valueName: "key=value"),
        transform: { text in try CommandLineOverride(assignment: text) }
    )
    var assignments: [CommandLineOverride] = []

    /// The command-line values, dedicated flags first.
    var overrides: [CommandLineOverride] {
        let dedicated: [(String?, AnySetting)] = [
            (dataDirectory, PlatformSettings.home.erased),
            (logLevel, PlatformSettings.logLevel.erased),
        ]
        return dedicated.compactMap { value, setting in
            value.map { CommandLineOverride(key: setting.key, value: $0, flag: setting.flag ?? setting.key) }
        } + assignments
    }

    /// The effective configuration for `environment`, these options and a command's own flags
    /// (`additional`, listed after the dedicated flags and before `--set`).
    func load(environment: [String: String], additional: [CommandLineOverride] = []) throws -> Configuration {
        let schema = try ConfigurationSchema.bourse()
        let file = try Configuration.filePath(explicit: configFile, environment: environment)
            .map { path throws(ConfigurationError) in try ConfigurationFile.read(path: path) }
        let all = overrides
        let dedicated = all.count - assignments.count
        return try Configuration.load(
            schema: schema, file: file, environment: environment,
            overrides: Array(all.prefix(dedicated)) + additional + assignments)
    }
}
