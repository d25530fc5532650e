/// Precomputed conversion of `price raw × quantity raw × multiplier raw` into raw
/// units of the quote currency, rounded half-even: the same result as
/// ``Instrument/notional(quantity:price:)`` for values at the instrument's precisions,
/// without 128-bit arithmetic unless the product or the scale exceed `Int64`.
/// Shared with the package: the risk engine values orders with it.
@usableFromInline
package struct NotionalScale: Sendable, Hashable {
    let multiplierRaw: Int64
    /// `10^(decimals of the product − currency decimals)` (positive) or its reciprocal's
    /// exponent as a factor (`shift < 0`).
    let shift: Int
    /// `10^|shift|` when it fits in `Int64`, else 0 (always the 128-bit path).
    let power64: Int64

    package init(instrument: Instrument) {
        multiplierRaw = instrument.multiplier.raw
        shift =
            Int(instrument.pricePrecision) + Int(instrument.sizePrecision) + Int(instrument.multiplier.precision)
            - Int(instrument.quoteCurrency.precision)
        power64 = shift.magnitude <= 18 ? FixedPoint.scale(UInt8(shift.magnitude)) : 0
    }

    /// The notional in raw quote-currency units, or `nil` on overflow (`Int64.min` counts as
    /// overflow, so the result can always be negated).
    ///
    /// - Complexity: O(1); 64-bit arithmetic unless the product overflows.
    @inline(__always)
    package func notional(priceRaw: Int64, quantityRaw: Int64) -> Int64? {
        let value = exactNotional(priceRaw: priceRaw, quantityRaw: quantityRaw)
        return value == .min ? nil : value
    }

    @inline(__always)
    private func exactNotional(priceRaw: Int64, quantityRaw: Int64) -> Int64? {
        let (qm, o1) = quantityRaw.multipliedReportingOverflow(by: multiplierRaw)
        let (product, o2) = priceRaw.multipliedReportingOverflow(by: qm)
        if !o1 && !o2 && power64 != 0 {
            if shift >= 0 { return FixedPoint.divide(product, by: power64, rule: .halfEven) }
            let (widened, o3) = product.multipliedReportingOverflow(by: power64)
            return o3 ? nil : widened
        }
        return wideNotional(priceRaw: priceRaw, quantityRaw: quantityRaw)
    }

    /// The 128-bit path.
    private func wideNotional(priceRaw: Int64, quantityRaw: Int64) -> Int64? {
        var power: Int128 = 1
        for _ in 0..<shift.magnitude { power *= 10 }
        let (product, overflow) = (Int128(priceRaw) * Int128(quantityRaw)).multipliedReportingOverflow(
            by: Int128(multiplierRaw))
        guard !overflow else { return nil }
        if shift >= 0 { return try? FixedPoint.divide(product, by: power, rule: .halfEven) }
        let (widened, o2) = product.multipliedReportingOverflow(by: power)
        return o2 ? nil : Int64(exactly: widened)
    }
}
