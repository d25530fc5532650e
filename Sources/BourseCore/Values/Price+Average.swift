extension Price {
    /// Decimal places of an average of prices at `p` decimals: `min(p + 4, 9)`, so
    /// averages keep four more decimals than the prices averaged.
    public static func averagePrecision(forPricePrecision p: UInt8) -> UInt8 {
        min(p + 4, FixedPoint.maxPrecision)
    }

    /// The quantity-weighted average `Σ(price × quantity) / Σ quantity`, rounded half-even at
    /// ``averagePrecision(forPricePrecision:)``; at `pricePrecision` if that would overflow.
    ///
    /// - Parameters:
    ///   - priceQuantitySum: Σ price raw × quantity raw, exact.
    ///   - quantityRaw: Σ quantity raw; must be positive.
    ///   - pricePrecision: precision of the prices summed.
    public static func weightedAverage(priceQuantitySum: Int128, quantityRaw: Int64, pricePrecision: UInt8) -> Price {
        precondition(quantityRaw > 0, "average over zero quantity")
        for precision in [averagePrecision(forPricePrecision: pricePrecision), pricePrecision] {
            let numerator = priceQuantitySum * Int128(FixedPoint.scale(precision - pricePrecision))
            if let raw = try? FixedPoint.divide(numerator, by: Int128(quantityRaw), rule: .halfEven) {
                return Price(uncheckedRaw: raw, precision: precision)
            }
        }
        // Unreachable for real sums: the average of Int64 prices fits in Int64 at their own precision.
        return Price(uncheckedRaw: priceQuantitySum > 0 ? .max : .min, precision: pricePrecision)
    }
}
