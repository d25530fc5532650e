/// Why a text could not become a setting's value, in words a user can act on.
public struct SettingValueError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reason, e.g. `expected an integer in 1...65535`.
    public let reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
