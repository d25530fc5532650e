/// One problem found while loading configuration, naming the key, the source and the
/// reason.
public enum ConfigurationIssue: Sendable, Hashable, CustomStringConvertible {
    /// A key (in a file or a `--set` flag) or a `BOURSE_` environment variable that no
    /// setting declares.
    case unknownKey(String, source: SettingSource, suggestion: String?)
    /// A file value of the wrong shape: a list or a section where a value belongs, a
    /// value where a section belongs, or no value at all.
    case wrongType(key: String, source: SettingSource, expected: String, found: String)
    /// A value that its setting rejects.
    case invalidValue(key: String, source: SettingSource, value: String, reason: String)
    /// A key set twice by one source.
    case duplicateKey(String, source: SettingSource, first: SettingSource)
    /// A file that is not valid YAML, or whose top level is not a mapping.
    case malformedFile(path: String, line: Int?, column: Int?, reason: String)
    /// A file that cannot be read.
    case unreadableFile(path: String, reason: String)

    public var description: String {
        switch self {
        case .unknownKey(let key, let source, let suggestion):
            let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
            if case .environment = source { return "\(source): no setting reads this variable\(hint)" }
            return "\(source): unknown key '\(key)'\(hint)"
        case .wrongType(let key, let source, let expected, let found):
            return "\(source): \(key): expected \(expected), found \(found)"
        case .invalidValue(let key, let source, let value, let reason):
            return "\(source): \(key): invalid value '\(value)': \(reason)"
        case .duplicateKey(let key, let source, let first):
            return "\(source): \(key): set twice (first at \(first))"
        case .malformedFile(let path, let line, let column, let reason):
            let position = line.map { ":\($0)" + (column.map { ":\($0)" } ?? "") } ?? ""
            return "file \(path)\(position): not a valid configuration file: \(reason)"
        case .unreadableFile(let path, let reason):
            return "file \(path): cannot be read: \(reason)"
        }
    }
}
