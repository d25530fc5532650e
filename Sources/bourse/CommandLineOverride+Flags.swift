import ArgumentParser
import BourseConfiguration

extension CommandLineOverride {
    /// The flags that were given, as overrides of their settings: each entry is the flag's value
    /// (`nil` when absent), the setting's key and the flag's name.
    static func given(_ flags: [(value: String?, key: String, flag: String)]) -> [CommandLineOverride] {
        flags.compactMap { entry in entry.value.map { CommandLineOverride(key: entry.key, value: $0, flag: entry.flag) } }
    }
}

extension CommandLineOverride {
    /// `NAME=VALUE` given to `flag`, as an override of the setting `<prefix>.<NAME as a key word>`
    /// (`stopATR` → `stop-atr`, see ``RunSettings/key(_:)``).
    static func assignment(_ text: String, prefix: String, flag: String) throws -> CommandLineOverride {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw ValidationError("\(flag) takes NAME=VALUE, got '\(text)'")
        }
        return CommandLineOverride(
            key: "\(prefix).\(RunSettings.key(text[..<equals]))", value: String(text[text.index(after: equals)...]), flag: flag)
    }
}
