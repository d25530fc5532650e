/// Why a risk statistic cannot be computed.
public enum RiskAnalyticsError: Error, Sendable, Hashable, CustomStringConvertible {
    case tooFewObservations(needed: Int, got: Int)
    case nonFiniteValue(index: Int)
    case invalidParameter(String)
    case lengthMismatch(String)

    public var description: String {
        switch self {
        case .tooFewObservations(let needed, let got): "needs at least \(needed) returns, got \(got)"
        case .nonFiniteValue(let index): "return at index \(index) is not finite"
        case .invalidParameter(let reason): reason
        case .lengthMismatch(let reason): reason
        }
    }
}
