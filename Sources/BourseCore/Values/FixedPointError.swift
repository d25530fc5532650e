/// Why a fixed-point value could not be parsed, built or computed.
public enum FixedPointError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is not a plain decimal number.
    case malformed(text: String, reason: String)
    /// A precision outside `0...FixedPoint.maxPrecision`.
    case precisionOutOfRange(UInt8)
    /// The text or value has more significant decimals than the precision allows.
    case excessPrecision(text: String, precision: UInt8)
    /// An operation combined values of different precision.
    case precisionMismatch(UInt8, UInt8)
    /// An operation combined money of different currencies.
    case currencyMismatch(String, String)
    /// The result does not fit in the `Int64` raw value.
    case overflow(operation: String)
    /// A negative value where only non-negative ones are allowed (quantities).
    case negative(String)
    /// A `Double` that is NaN or infinite.
    case notFinite
    /// A zero or negative rounding increment, or a division by zero.
    case invalidIncrement(String)

    public var description: String {
        switch self {
        case .malformed(let text, let reason): "'\(text)' is not a decimal number: \(reason)"
        case .precisionOutOfRange(let p): "precision \(p) is outside 0...\(FixedPoint.maxPrecision)"
        case .excessPrecision(let text, let p): "'\(text)' has more than \(p) significant decimal places"
        case .precisionMismatch(let a, let b): "precision mismatch: \(a) vs \(b); rescale one side explicitly"
        case .currencyMismatch(let a, let b): "currency mismatch: \(a) vs \(b)"
        case .overflow(let op): "overflow in \(op): the result exceeds the Int64 fixed-point range"
        case .negative(let text): "a quantity cannot be negative (\(text))"
        case .notFinite: "value is NaN or infinite"
        case .invalidIncrement(let text): "invalid increment or divisor: \(text)"
        }
    }
}
