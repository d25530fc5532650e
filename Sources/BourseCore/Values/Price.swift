/// A price: a signed fixed-point decimal (negative prices exist, e.g. spreads
/// and some futures). See ``FixedPoint`` for the arithmetic rules.
///
/// ```swift
/// let p = try Price(parsing: "101.2500")      // raw 1012500, precision 4
/// let q = try p + Price(parsing: "0.0100")    // 101.2600
/// ```
public struct Price: FixedPointValue {
    public let raw: Int64
    public let precision: UInt8
    public static var allowsNegative: Bool { true }

    @inlinable
    public init(uncheckedRaw raw: Int64, precision: UInt8) {
        assert(precision <= FixedPoint.maxPrecision, "precision out of range")
        self.raw = raw
        self.precision = precision
    }

    /// The negated price.
    public static prefix func - (price: Price) -> Price { Price(uncheckedRaw: -price.raw, precision: price.precision) }
}
