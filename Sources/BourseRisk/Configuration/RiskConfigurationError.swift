/// A risk configuration whose limits make no sense; names the setting and the value.
public struct RiskConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    public let setting: String
    public let reason: String

    public init(_ setting: String, _ reason: String) {
        self.setting = setting
        self.reason = reason
    }

    public var description: String { "risk configuration \(setting): \(reason)" }
}
