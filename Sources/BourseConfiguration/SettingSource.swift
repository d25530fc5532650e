/// Where a configuration value came from.
///
/// Sources are listed from the lowest precedence to the highest: a value from the
/// command line overrides one from the environment, which overrides the file, which
/// overrides the default.
public enum SettingSource: Sendable, Hashable, CustomStringConvertible {
    /// The setting's declared default.
    case defaultValue
    /// A configuration file, at a 1-based line and column.
    case file(path: String, line: Int, column: Int)
    /// An environment variable such as `BOURSE_HOME`.
    case environment(variable: String)
    /// A command-line flag such as `--data-dir` or `--set log.level`.
    case commandLine(flag: String)

    /// `default`, `file bourse.yaml:3:8`, `env BOURSE_HOME` or `flag --data-dir`.
    public var description: String {
        switch self {
        case .defaultValue: "default"
        case .file(let path, let line, let column): "file \(path):\(line):\(column)"
        case .environment(let variable): "env \(variable)"
        case .commandLine(let flag): "flag \(flag)"
        }
    }
}
