/// A non-negative amount of an instrument (shares, contracts, coins).
/// See ``FixedPoint`` for the arithmetic rules; subtraction below zero throws.
public struct Quantity: FixedPointValue {
    public let raw: Int64
    public let precision: UInt8
    public static var allowsNegative: Bool { false }

    @inlinable
    public init(uncheckedRaw raw: Int64, precision: UInt8) {
        assert(precision <= FixedPoint.maxPrecision, "precision out of range")
        assert(raw >= 0, "negative quantity")
        self.raw = raw
        self.precision = precision
    }

    /// The smaller of two quantities.
    public static func minimum(_ a: Quantity, _ b: Quantity) -> Quantity { a < b ? a : b }
}
