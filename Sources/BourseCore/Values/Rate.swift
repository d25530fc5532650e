/// A signed fraction held exactly as fixed point, such as a fee rate
/// (`"0.001"` = 10 bps; negative for a maker rebate) or a percentage limit.
public struct Rate: FixedPointValue {
    public let raw: Int64
    public let precision: UInt8
    public static var allowsNegative: Bool { true }

    @inlinable
    public init(uncheckedRaw raw: Int64, precision: UInt8) {
        assert(precision <= FixedPoint.maxPrecision, "precision out of range")
        self.raw = raw
        self.precision = precision
    }

    /// `rate × amount` in the amount's currency, rounded to its precision by `rule`. Exact.
    public func applied(to amount: Money, rule: RoundingRule = .halfEven) throws(FixedPointError) -> Money {
        let product = Int128(amount.raw) * Int128(raw)
        let value = try FixedPoint.divide(product, by: Int128(FixedPoint.scale(precision)), rule: rule)
        return Money(uncheckedRaw: value, currency: amount.currency)
    }
}
