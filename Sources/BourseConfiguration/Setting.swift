/// One configuration setting: its key, type, default, documentation and validation.
///
/// Modules declare their settings as static constants in a table (see
/// ``PlatformSettings``) and read them from a loaded ``Configuration``:
///
/// ```swift
/// public enum ServerSettings {
///     public static let port = Setting(
///         "server.port", type: .integer(in: 1...65535), default: 8080,
///         summary: "TCP port the HTTP server listens on.")
///     public static let all: [AnySetting] = [port.erased]
/// }
/// let port = configuration[ServerSettings.port]   // Int
/// ```
///
/// The setting is then set by `server:\n  port: 9000` in the file, by the environment
/// variable `BOURSE_SERVER_PORT`, or by `--set server.port=9000`.
public struct Setting<Value: Sendable>: Sendable {
    /// Dotted lower-case key: `log.level`, `backtest.starting-balance`.
    public let key: String
    /// How the value is read from text and written back.
    public let type: SettingType<Value>
    /// The value when no source sets it. It must pass ``validate``.
    public let defaultValue: Value
    /// One sentence a user reads in `bourse config show --json`.
    public let summary: String
    /// The environment variable that sets it: `BOURSE_` and the key in upper case, with
    /// `.` and `-` as `_`, unless declared otherwise.
    public let environmentVariable: String
    /// A dedicated command-line flag (such as `--data-dir`), if the CLI declares one;
    /// every setting can also be set with `--set key=value`.
    public let flag: String?
    /// Whether the value is hidden in reports (passwords, API keys).
    public let isSecret: Bool
    private let check: @Sendable (Value) throws(SettingValueError) -> Void

    /// Declares a setting.
    ///
    /// - Parameter validate: Further checks on a parsed value; throw a
    ///   ``SettingValueError`` with the reason to reject it.
    public init(
        _ key: String,
        type: SettingType<Value>,
        default defaultValue: Value,
        summary: String,
        environmentVariable: String? = nil,
        flag: String? = nil,
        isSecret: Bool = false,
        validate: @escaping @Sendable (Value) throws(SettingValueError) -> Void = { _ in }
    ) {
        self.key = key
        self.type = type
        self.defaultValue = defaultValue
        self.summary = summary
        self.environmentVariable = environmentVariable ?? Self.environmentVariable(forKey: key)
        self.flag = flag
        self.isSecret = isSecret
        self.check = validate
    }

    /// The value written in `text`, parsed and validated.
    public func value(from text: String) throws(SettingValueError) -> Value {
        let value = try type.parse(text)
        try check(value)
        return value
    }

    /// The setting without its value type, for schemas and reports.
    public var erased: AnySetting { AnySetting(self) }

    /// `BOURSE_` followed by the key in upper case, with `.` and `-` replaced by `_`.
    public static func environmentVariable(forKey key: String) -> String {
        let name = key.uppercased().map { $0 == "." || $0 == "-" ? "_" : $0 }
        return "BOURSE_" + String(name)
    }
}
