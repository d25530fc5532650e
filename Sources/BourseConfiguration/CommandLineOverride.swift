/// A value given on the command line, by a dedicated flag (`--data-dir /srv/bourse`)
/// or by `--set key=value`.
public struct CommandLineOverride: Sendable, Hashable {
    public let key: String
    public let value: String
    /// The flag as the user wrote it, for messages: `--data-dir` or `--set log.level`.
    public let flag: String

    public init(key: String, value: String, flag: String) {
        self.key = key
        self.value = value
        self.flag = flag
    }

    /// Parses the argument of `--set`: `key=value`.
    public init(assignment: String) throws(SettingValueError) {
        guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
            throw SettingValueError("expected key=value, such as log.level=debug, found '\(assignment)'")
        }
        let key = String(assignment[..<equals])
        self.init(key: key, value: String(assignment[assignment.index(after: equals)...]), flag: "--set \(key)")
    }
}
