import BourseConfiguration

/// The schema of the platform's own tables, as the CLI composes it.
func platformSchema() throws -> ConfigurationSchema {
    try ConfigurationSchema(PlatformSettings.all + BacktestSettings.all)
}

/// A file named `bourse.yaml` with the given lines.
func yaml(_ lines: String...) -> ConfigurationFile {
    ConfigurationFile(path: "bourse.yaml", text: lines.joined(separator: "\n") + "\n")
}

/// The issues of a load that must fail.
func issues(
    file: ConfigurationFile? = nil,
    environment: [String: String] = [:],
    overrides: [CommandLineOverride] = []
) throws -> [ConfigurationIssue] {
    do {
        _ = try Configuration.load(schema: platformSchema(), file: file, environment: environment, overrides: overrides)
        return []
    } catch let error as ConfigurationError {
        return error.issues
    }
}
