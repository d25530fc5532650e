extension Position {
    /// Flat, long or short.
    public var side: PositionSide {
        signedQuantityRaw == 0 ? .flat : (signedQuantityRaw > 0 ? .long : .short)
    }

    public var isFlat: Bool { signedQuantityRaw == 0 }
    public var isLong: Bool { signedQuantityRaw > 0 }
    public var isShort: Bool { signedQuantityRaw < 0 }

    /// The open quantity (absolute).
    public var quantity: Quantity {
        Quantity(uncheckedRaw: Int64(signedQuantityRaw.magnitude), precision: sizePrecision)
    }

    /// The signed open quantity as a `Double` (for statistics and display).
    public var signedQuantityDouble: Double { Double(signedQuantityRaw) / Double(FixedPoint.scale(sizePrecision)) }

    /// The signed cost of the open quantity (paid for a long: positive; received for a short: negative).
    public var costBasis: Money { Money(uncheckedRaw: costBasisRaw, currency: quoteCurrency) }

    /// Realized P&L net of the commissions paid in the quote currency.
    public var realizedPnL: Money { Money(uncheckedRaw: grossRealizedRaw &- commissionRaw, currency: quoteCurrency) }

    /// Realized P&L before commissions.
    public var grossRealizedPnL: Money { Money(uncheckedRaw: grossRealizedRaw, currency: quoteCurrency) }

    /// Commissions paid in the quote currency (see ``otherCommissions`` for the rest).
    public var commissions: Money { Money(uncheckedRaw: commissionRaw, currency: quoteCurrency) }

    /// Quantity-weighted average price of the fills that opened the current side, at
    /// ``Price/averagePrecision(forPricePrecision:)`` decimals; `nil` when flat.
    public var averageOpenPrice: Price? {
        guard openedQuantityRaw > 0 else { return nil }
        return Price.weightedAverage(
            priceQuantitySum: openPriceQuantitySum, quantityRaw: openedQuantityRaw, pricePrecision: pricePrecision)
    }

    /// The average open price as a `Double`; `nil` when flat.
    public var averageOpenPriceDouble: Double? {
        guard openedQuantityRaw > 0 else { return nil }
        // `Double(Int128)` takes a slow generic path; the same value as an `Int64` converts to the same `Double`.
        let sum = Int64(exactly: openPriceQuantitySum).map(Double.init) ?? Double(openPriceQuantitySum)
        return sum / Double(openedQuantityRaw) / Double(FixedPoint.scale(pricePrecision))
    }

    /// The signed value of the open quantity at `mark` (`mark × quantity × multiplier`, rounded
    /// half-even to the quote currency; negative for a short). `mark` must be at the price precision.
    public func markValue(at mark: Price) throws(PositionError) -> Money {
        guard mark.precision == pricePrecision else {
            throw .precisionMismatch(id, "mark \(mark) is not at price precision \(pricePrecision)")
        }
        guard let value = scale.notional(priceRaw: mark.raw, quantityRaw: Int64(signedQuantityRaw.magnitude)) else {
            throw .overflow(id)
        }
        return Money(uncheckedRaw: signedQuantityRaw < 0 ? -value : value, currency: quoteCurrency)
    }

    /// Unrealized P&L at `mark`: mark value − cost basis. Zero when flat.
    public func unrealizedPnL(at mark: Price) throws(PositionError) -> Money {
        let value = try markValue(at: mark)
        let (pnl, overflow) = value.raw.subtractingReportingOverflow(costBasisRaw)
        guard !overflow else { throw .overflow(id) }
        return Money(uncheckedRaw: pnl, currency: quoteCurrency)
    }

    /// Realized (net of quote-currency commissions) plus unrealized P&L at `mark`.
    public func totalPnL(at mark: Price) throws(PositionError) -> Money {
        let unrealized = try unrealizedPnL(at: mark)
        guard let total = try? realizedPnL + unrealized else { throw .overflow(id) }
        return total
    }
}
