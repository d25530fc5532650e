import BourseCore

/// The conversion of raw amounts in one currency to raw amounts in the portfolio's base currency
/// at a fixed-point rate, rounded half-even: `base = amount × rate`, exact in 128 bits.
struct CurrencyConversion: Sendable, Hashable {
    /// The rate's raw value (`1` for the identity).
    let rateRaw: Int64
    /// `amount × rateRaw / 10^shift` (a negative shift multiplies).
    let shift: Int

    /// Amounts already in the base currency.
    static let identity = CurrencyConversion(rateRaw: 1, shift: 0)

    private init(rateRaw: Int64, shift: Int) {
        self.rateRaw = rateRaw
        self.shift = shift
    }

    /// The conversion from `currency` to `base` at `rate` units of `base` per unit of `currency`.
    /// - Throws: ``PortfolioError/invalidExchangeRate(_:_:)`` when the scales cannot be represented.
    init(rate: Price, from currency: Currency, to base: Currency) throws(PortfolioError) {
        let shift = Int(rate.precision) + Int(currency.precision) - Int(base.precision)
        guard shift.magnitude <= 36 else { throw .invalidExchangeRate(currency, "rate \(rate) has too many decimals") }
        self.init(rateRaw: rate.raw, shift: shift)
    }

    var isIdentity: Bool { rateRaw == 1 && shift == 0 }

    /// `amountRaw` in raw base-currency units, `nil` on overflow.
    @inline(__always)
    func convert(_ amountRaw: Int64) -> Int64? {
        if isIdentity { return amountRaw }
        let product = Int128(amountRaw) * Int128(rateRaw)
        if shift >= 0 { return try? FixedPoint.divide(product, by: RiskMath.power(shift), rule: .halfEven) }
        let (widened, overflow) = product.multipliedReportingOverflow(by: RiskMath.power(-shift))
        return overflow ? nil : Int64(exactly: widened)
    }

    /// The largest amount (raw, this currency) whose conversion is at most `baseRaw` (approximately: the
    /// callers step down to the exact bound); `Int64.max` when unbounded.
    func inverse(_ baseRaw: Int64) -> Int64 {
        if isIdentity { return baseRaw }
        var numerator = Int128(baseRaw)
        var denominator = Int128(rateRaw)
        if shift >= 0 { numerator *= RiskMath.power(shift) } else { denominator *= RiskMath.power(-shift) }
        return RiskMath.clamp(numerator / denominator)
    }
}
