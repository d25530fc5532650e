/// How a setting's value is read from text and written back.
///
/// Every source hands a setting its value as text (a YAML scalar, an environment
/// variable, a flag), so one parser per type serves them all. The built-in types are
/// in `SettingType+Builtins.swift`; a module can define its own:
///
/// ```swift
/// extension SettingType where Value == Nanoseconds {
///     static let seconds = SettingType(name: "a number of seconds") { text in ... } format: { ... }
/// }
/// ```
public struct SettingType<Value: Sendable>: Sendable {
    /// What a valid value looks like, used in error messages: `an integer in 1...65535`.
    public let name: String
    private let parser: @Sendable (String) throws(SettingValueError) -> Value
    private let formatter: @Sendable (Value) -> String

    /// A type named `name` that parses with `parse` and writes with `format`.
    ///
    /// `format` must produce text that `parse` reads back to the same value.
    public init(
        name: String,
        parse: @escaping @Sendable (String) throws(SettingValueError) -> Value,
        format: @escaping @Sendable (Value) -> String
    ) {
        self.name = name
        self.parser = parse
        self.formatter = format
    }

    /// The value written in `text`, or the reason it is not one.
    public func parse(_ text: String) throws(SettingValueError) -> Value {
        try parser(text)
    }

    /// The canonical text of `value`.
    public func format(_ value: Value) -> String {
        formatter(value)
    }
}
