/// A decimal value stored as an `Int64` raw value and a precision; ``Price`` and
/// ``Quantity`` conform and share parsing, formatting, checked arithmetic,
/// rounding and comparison from this protocol's extensions.
public protocol FixedPointValue: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    LosslessStringConvertible
{
    /// The value times `10^precision`.
    var raw: Int64 { get }
    /// Number of decimal places, `0...FixedPoint.maxPrecision`.
    var precision: UInt8 { get }
    /// Whether values below zero are valid.
    static var allowsNegative: Bool { get }
    /// The trusted initializer for hot paths: no checks beyond debug assertions.
    init(uncheckedRaw raw: Int64, precision: UInt8)
}

extension FixedPointValue {
    /// A checked value from a raw integer.
    public init(raw: Int64, precision: UInt8) throws(FixedPointError) {
        try FixedPoint.checkPrecision(precision)
        if !Self.allowsNegative && raw < 0 { throw .negative(FixedPoint.format(raw, precision)) }
        self.init(uncheckedRaw: raw, precision: precision)
    }

    /// Parses plain decimal text exactly (`"101.2500"`). The precision is the
    /// number of decimals written unless `precision` is given, in which case
    /// extra decimals must be zeros.
    public init(parsing text: some StringProtocol, precision: UInt8? = nil) throws(FixedPointError) {
        let (raw, p) = try FixedPoint.parse(Substring(text), precision: precision, allowNegative: Self.allowsNegative)
        self.init(uncheckedRaw: raw, precision: p)
    }

    /// `LosslessStringConvertible`: `nil` when the text does not parse.
    public init?(_ description: String) {
        guard let value = try? Self(parsing: description) else { return nil }
        self = value
    }

    /// The nearest value to a `Double` at `precision` (ties to even). An explicit, lossy conversion.
    public init(_ value: Double, precision: UInt8) throws(FixedPointError) {
        try self.init(raw: FixedPoint.raw(from: value, precision: precision), precision: precision)
    }

    /// A whole number at `precision`.
    public init(integer: Int64, precision: UInt8 = 0) throws(FixedPointError) {
        try FixedPoint.checkPrecision(precision)
        let (raw, overflow) = integer.multipliedReportingOverflow(by: FixedPoint.scale(precision))
        guard !overflow else { throw .overflow(operation: "integer \(integer) at precision \(precision)") }
        try self.init(raw: raw, precision: precision)
    }

    /// Zero at `precision`.
    public static func zero(precision: UInt8) -> Self { Self(uncheckedRaw: 0, precision: precision) }

    /// The approximate `Double` value, for statistics and display.
    @inlinable
    public var doubleValue: Double { Double(raw) / Double(FixedPoint.scale(precision)) }

    /// Whether the value is exactly zero.
    @inlinable
    public var isZero: Bool { raw == 0 }

    /// Exact decimal text with exactly `precision` decimals.
    public var description: String { FixedPoint.format(raw, precision) }

    /// Checked sum; both sides must have the same precision.
    ///
    /// - Complexity: O(1), no allocation.
    @inlinable
    public static func + (lhs: Self, rhs: Self) throws(FixedPointError) -> Self {
        guard lhs.precision == rhs.precision else { throw .precisionMismatch(lhs.precision, rhs.precision) }
        return Self(uncheckedRaw: try FixedPoint.add(lhs.raw, rhs.raw), precision: lhs.precision)
    }

    /// Checked difference; both sides must have the same precision.
    @inlinable
    public static func - (lhs: Self, rhs: Self) throws(FixedPointError) -> Self {
        guard lhs.precision == rhs.precision else { throw .precisionMismatch(lhs.precision, rhs.precision) }
        let raw = try FixedPoint.subtract(lhs.raw, rhs.raw)
        if !Self.allowsNegative && raw < 0 { throw .negative("\(lhs) - \(rhs)") }
        return Self(uncheckedRaw: raw, precision: lhs.precision)
    }

    /// The value times a whole number, checked.
    public func multiplied(by factor: Int64) throws(FixedPointError) -> Self {
        let (raw, overflow) = raw.multipliedReportingOverflow(by: factor)
        guard !overflow else { throw .overflow(operation: "multiplication") }
        return try Self(raw: raw, precision: precision)
    }

    /// The same value at another precision; going down rounds by `rule`.
    public func rescaled(to newPrecision: UInt8, rule: RoundingRule = .halfEven) throws(FixedPointError) -> Self {
        try FixedPoint.checkPrecision(newPrecision)
        let raw = try FixedPoint.rescale(raw, from: precision, to: newPrecision, rule: rule)
        return Self(uncheckedRaw: raw, precision: newPrecision)
    }

    /// The value rounded to a multiple of `increment` (a tick or lot size) by `rule`.
    /// The increment is rescaled to this value's precision first (it must be
    /// representable there exactly).
    ///
    /// ```swift
    /// try Price(parsing: "101.27").rounded(toMultipleOf: Price(parsing: "0.05"), .halfEven)  // 101.25
    /// ```
    public func rounded(toMultipleOf increment: Self, _ rule: RoundingRule) throws(FixedPointError) -> Self {
        let step = try FixedPoint.rescale(increment.raw, from: increment.precision, to: precision, rule: .towardZero)
        guard FixedPoint.compare(step, precision, increment.raw, increment.precision) == 0 else {
            throw .excessPrecision(text: increment.description, precision: precision)
        }
        return try Self(raw: FixedPoint.round(raw, toMultipleOf: step, rule: rule), precision: precision)
    }

    /// Whether the value is an exact multiple of `increment`.
    public func isMultiple(of increment: Self) -> Bool {
        guard increment.raw > 0 else { return false }
        let common = max(precision, increment.precision)
        guard let a = try? FixedPoint.rescale(raw, from: precision, to: common, rule: .towardZero),
            let b = try? FixedPoint.rescale(increment.raw, from: increment.precision, to: common, rule: .towardZero)
        else { return false }
        return a % b == 0
    }

    @inlinable
    public static func < (lhs: Self, rhs: Self) -> Bool {
        FixedPoint.compare(lhs.raw, lhs.precision, rhs.raw, rhs.precision) < 0
    }

    @inlinable
    public static func == (lhs: Self, rhs: Self) -> Bool {
        FixedPoint.compare(lhs.raw, lhs.precision, rhs.raw, rhs.precision) == 0
    }

    /// Decodes the exact decimal text (`"101.25"`); the precision is the number of decimals written.
    public init(from decoder: any Decoder) throws {
        try self.init(parsing: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the exact decimal text, so JSON never goes through `Double`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public func hash(into hasher: inout Hasher) {
        let (r, p) = FixedPoint.normalized(raw, precision)
        hasher.combine(r)
        hasher.combine(p)
    }
}
