import BourseCore

/// Exact fixed-point helpers shared by the checks (Int128 intermediates, no `Double`).
enum RiskMath {
    /// `⌊rate × amountRaw⌋` (raw units of the amount), clamped to `Int64`. One 64-bit division
    /// unless the product overflows 64 bits.
    static func fraction(_ rate: Rate, of amountRaw: Int64) -> Int64 {
        let scale = FixedPoint.scale(rate.precision)
        let (product, overflow) = rate.raw.multipliedReportingOverflow(by: amountRaw)
        if !overflow { return FixedPoint.divide(product, by: scale, rule: .down) }
        let wide = Int128(rate.raw) * Int128(amountRaw)
        let value = wide / Int128(scale)
        return clamp(wide % Int128(scale) < 0 ? value - 1 : value)
    }

    /// The largest quantity (raw, size precision, not yet rounded to the lot) whose notional at
    /// `price`, plus the taker fee when `fee` is given (rounded up, as the account locks it), is at
    /// most `limitRaw` raw base-currency units. Zero when none is (or without a rate to the base currency).
    static func maxQuantityRaw(forNotionalRaw baseLimitRaw: Int64, price: Price, state: InstrumentRiskState, fee: Rate? = nil) -> Int64 {
        guard let conversion = state.conversion else { return 0 }
        let limitRaw = conversion.inverse(baseLimitRaw)
        guard limitRaw > 0, price.raw != 0 else { return limitRaw > 0 && price.raw == 0 ? .max : 0 }
        let instrument = state.instrument
        assert(price.precision == instrument.pricePrecision, "price not at the instrument's precision")
        let shift = Int(instrument.pricePrecision) + Int(instrument.sizePrecision) + Int(instrument.multiplier.precision)
            - Int(instrument.quoteCurrency.precision)
        var numerator = Int128(limitRaw)
        var denominator = Int128(price.raw.magnitude) * Int128(instrument.multiplier.raw)
        if shift >= 0 { numerator *= power(shift) } else { denominator *= power(-shift) }
        if let fee, fee.raw > 0 {
            numerator *= Int128(FixedPoint.scale(fee.precision))
            denominator *= Int128(FixedPoint.scale(fee.precision)) + Int128(fee.raw)
        }
        var q = clamp(numerator / denominator)
        // The division is exact up to the rounding of notional and fee: step down until it fits.
        for _ in 0..<8 {
            guard q > 0, let cost = cost(quantityRaw: q, price: price, state: state, fee: fee), cost > baseLimitRaw else { break }
            q -= 1
        }
        guard q > 0, let cost = cost(quantityRaw: q, price: price, state: state, fee: fee), cost <= baseLimitRaw else { return 0 }
        return q
    }

    /// Notional of `quantityRaw` at `price` plus the taker fee (rounded up) when `fee` is given, in raw
    /// base-currency units; `nil` on overflow or without a rate to the base currency.
    static func cost(quantityRaw: Int64, price: Price, state: InstrumentRiskState, fee: Rate?) -> Int64? {
        guard let conversion = state.conversion, let notional = state.notionalRaw(quantityRaw: quantityRaw, price: price),
            notional != .max
        else { return nil }
        guard let fee, fee.raw > 0 else { return conversion.convert(notional) }
        let scale = FixedPoint.scale(fee.precision)
        let charged: Int64
        if case (let product, false) = notional.multipliedReportingOverflow(by: fee.raw) {
            charged = FixedPoint.divide(product, by: scale, rule: .up)
        } else {
            guard let wide = try? FixedPoint.divide(Int128(notional) * Int128(fee.raw), by: Int128(scale), rule: .up) else { return nil }
            charged = wide
        }
        let (total, overflow) = notional.addingReportingOverflow(charged)
        return overflow ? nil : conversion.convert(total)
    }

    static func clamp(_ value: Int128) -> Int64 {
        value > Int128(Int64.max) ? .max : (value < Int128(Int64.min) ? .min : Int64(value))
    }

    static func power(_ exponent: Int) -> Int128 {
        var result: Int128 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}
