/// A ``Setting`` with its value type erased, so settings of different types can share a
/// schema. Create one with ``Setting/erased``.
public struct AnySetting: Sendable {
    public let key: String
    /// What a valid value looks like (the setting type's name).
    public let typeName: String
    public let summary: String
    public let environmentVariable: String
    public let flag: String?
    public let isSecret: Bool
    /// The default's canonical text.
    public let defaultText: String
    let defaultValue: any Sendable
    private let parse: @Sendable (String) throws(SettingValueError) -> (value: any Sendable, text: String)

    init<Value>(_ setting: Setting<Value>) {
        key = setting.key
        typeName = setting.type.name
        summary = setting.summary
        environmentVariable = setting.environmentVariable
        flag = setting.flag
        isSecret = setting.isSecret
        defaultText = setting.type.format(setting.defaultValue)
        defaultValue = setting.defaultValue
        parse = { text throws(SettingValueError) in
            let value = try setting.value(from: text)
            return (value, setting.type.format(value))
        }
    }

    /// The value written in `text` and its canonical text, or why it is not valid.
    func resolve(_ text: String) throws(SettingValueError) -> (value: any Sendable, text: String) {
        try parse(text)
    }
}
