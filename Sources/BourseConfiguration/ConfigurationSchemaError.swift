/// A mistake in a set of declared settings: a programming error, caught when the schema
/// is built (and by the tests that build it).
public enum ConfigurationSchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A key that is not dotted lower-case words (`log.level`).
    case invalidKey(String)
    /// Two settings with one key.
    case duplicateKey(String)
    /// A key that is also the section of another key (`log` and `log.level`).
    case keyIsSection(key: String, child: String)
    /// Two settings read from one environment variable, or one that uses a reserved name.
    case duplicateEnvironmentVariable(String, keys: [String])
    /// Two settings with one dedicated flag.
    case duplicateFlag(String, keys: [String])
    /// A default value that its own setting rejects.
    case invalidDefault(key: String, reason: String)

    public var description: String {
        switch self {
        case .invalidKey(let key):
            "invalid setting key '\(key)': use dot-separated lower-case words (letters, digits, '-'), like log.level"
        case .duplicateKey(let key):
            "setting '\(key)' is declared twice"
        case .keyIsSection(let key, let child):
            "setting '\(key)' cannot also be the section of '\(child)'"
        case .duplicateEnvironmentVariable(let variable, let keys):
            "environment variable \(variable) is claimed by \(keys.joined(separator: ", "))"
        case .duplicateFlag(let flag, let keys):
            "flag \(flag) is claimed by \(keys.joined(separator: ", "))"
        case .invalidDefault(let key, let reason):
            "setting '\(key)' has an invalid default: \(reason)"
        }
    }
}
