/// How a value that falls between two representable values is rounded.
public enum RoundingRule: String, Sendable, Hashable, CaseIterable, Codable {
    /// Toward negative infinity (floor).
    case down
    /// Toward positive infinity (ceiling).
    case up
    /// Toward zero (truncation).
    case towardZero
    /// Away from zero.
    case awayFromZero
    /// To the nearest; ties to the even neighbour (banker's rounding).
    case halfEven
    /// To the nearest; ties away from zero.
    case halfUp
}
