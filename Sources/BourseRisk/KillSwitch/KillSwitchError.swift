/// A refused kill switch command.
public enum KillSwitchError: Error, Sendable, Hashable, CustomStringConvertible {
    case notTriggered
    case missingOperator
    case missingReason

    public var description: String {
        switch self {
        case .notTriggered: "the kill switch is active (not triggered): nothing to reset"
        case .missingOperator: "a reset must name the operator who resets the kill switch"
        case .missingReason: "a reset must say why the kill switch is reset"
        }
    }
}
