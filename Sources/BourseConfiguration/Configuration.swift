/// The effective configuration: every setting of a schema with its value and the source
/// that set it.
///
/// Load it once at the edge (``load(schema:file:environment:overrides:)``) and pass the
/// values down; read a value with its ``Setting``:
///
/// ```swift
/// let level = configuration[PlatformSettings.logLevel]          // LogLevel
/// let source = configuration.source(of: PlatformSettings.home)  // e.g. .environment("BOURSE_HOME")
/// ```
public struct Configuration: Sendable {
    /// One setting's effective value.
    public struct Entry: Sendable {
        public let setting: AnySetting
        /// The value's canonical text (shown by reports unless the setting is secret).
        public let text: String
        /// The source that set the value.
        public let source: SettingSource
        /// Lower-precedence sources (other than the default) that also set it, highest first.
        public let overridden: [SettingSource]
        let value: any Sendable
    }

    /// The entries in schema order.
    public let entries: [Entry]
    /// The path of the configuration file that was read, if any.
    public let filePath: String?
    private let indexByKey: [String: Int]

    init(entries: [Entry], filePath: String?) {
        self.entries = entries
        self.filePath = filePath
        self.indexByKey = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.setting.key, $0) })
    }

    /// The value of `setting`.
    ///
    /// Reading a setting that is not in the schema this configuration was loaded with is
    /// a programming error (the executable forgot to add its module's table) and traps.
    public subscript<Value>(setting: Setting<Value>) -> Value {
        guard let value = entry(for: setting).value as? Value else {
            preconditionFailure("setting '\(setting.key)' was declared with another type in the schema")
        }
        return value
    }

    /// Where the value of `setting` came from.
    public func source<Value>(of setting: Setting<Value>) -> SettingSource {
        entry(for: setting).source
    }

    /// The entry of the setting with this key.
    public func entry(forKey key: String) -> Entry? {
        indexByKey[key].map { entries[$0] }
    }

    private func entry<Value>(for setting: Setting<Value>) -> Entry {
        guard let entry = entry(forKey: setting.key) else {
            preconditionFailure(
                "setting '\(setting.key)' is not in the configuration schema; add its table to the schema")
        }
        return entry
    }
}
