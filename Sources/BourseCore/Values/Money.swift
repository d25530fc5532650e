/// An amount of a currency, exact, at the currency's precision.
///
/// ```swift
/// let fee = try Money(parsing: "1.25", .USD)
/// let total = try fee + Money(parsing: "0.75", .USD)   // 2.00 USD
/// ```
public struct Money: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The amount times `10^currency.precision`.
    public let raw: Int64
    public let currency: Currency

    /// The trusted initializer for hot paths.
    @inlinable
    public init(uncheckedRaw raw: Int64, currency: Currency) {
        self.raw = raw
        self.currency = currency
    }

    /// Parses plain decimal text at the currency's precision (extra decimals must be zeros).
    public init(parsing text: some StringProtocol, _ currency: Currency) throws(FixedPointError) {
        let (raw, _) = try FixedPoint.parse(Substring(text), precision: currency.precision, allowNegative: true)
        self.init(uncheckedRaw: raw, currency: currency)
    }

    /// The nearest amount to a `Double` (ties to even). Explicit and lossy.
    public init(_ value: Double, _ currency: Currency) throws(FixedPointError) {
        self.init(uncheckedRaw: try FixedPoint.raw(from: value, precision: currency.precision), currency: currency)
    }

    /// A raw amount at another precision converted to this currency's precision by `rule`.
    public init(raw: Int64, precision: UInt8, currency: Currency, rule: RoundingRule) throws(FixedPointError) {
        let converted = try FixedPoint.rescale(raw, from: precision, to: currency.precision, rule: rule)
        self.init(uncheckedRaw: converted, currency: currency)
    }

    /// Zero of a currency.
    public static func zero(_ currency: Currency) -> Money { Money(uncheckedRaw: 0, currency: currency) }

    public var precision: UInt8 { currency.precision }
    public var isZero: Bool { raw == 0 }
    /// The approximate `Double` amount, for statistics and display.
    public var doubleValue: Double { Double(raw) / Double(FixedPoint.scale(currency.precision)) }

    /// `"1234.50 USD"`.
    public var description: String { "\(FixedPoint.format(raw, currency.precision)) \(currency.code)" }
    /// The amount alone, `"1234.50"`.
    public var amountText: String { FixedPoint.format(raw, currency.precision) }

    /// Checked sum; both sides must be in the same currency.
    @inlinable
    public static func + (lhs: Money, rhs: Money) throws(FixedPointError) -> Money {
        guard lhs.currency == rhs.currency else { throw .currencyMismatch(lhs.currency.code, rhs.currency.code) }
        return Money(uncheckedRaw: try FixedPoint.add(lhs.raw, rhs.raw), currency: lhs.currency)
    }

    /// Checked difference; both sides must be in the same currency.
    @inlinable
    public static func - (lhs: Money, rhs: Money) throws(FixedPointError) -> Money {
        guard lhs.currency == rhs.currency else { throw .currencyMismatch(lhs.currency.code, rhs.currency.code) }
        return Money(uncheckedRaw: try FixedPoint.subtract(lhs.raw, rhs.raw), currency: lhs.currency)
    }

    public static prefix func - (money: Money) -> Money { Money(uncheckedRaw: -money.raw, currency: money.currency) }

    /// Orders amounts of one currency; amounts of different currencies order by code (for sorting only).
    public static func < (lhs: Money, rhs: Money) -> Bool {
        lhs.currency == rhs.currency ? lhs.raw < rhs.raw : lhs.currency.code < rhs.currency.code
    }

    private enum CodingKeys: String, CodingKey { case amount, currency }

    /// Decodes `{"amount": "1.25", "currency": {...}}` exactly.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let currency = try container.decode(Currency.self, forKey: .currency)
        try self.init(parsing: try container.decode(String.self, forKey: .amount), currency)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(amountText, forKey: .amount)
        try container.encode(currency, forKey: .currency)
    }
}
