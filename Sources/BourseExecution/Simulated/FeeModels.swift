public import BourseCore

/// Fees as fractions of notional from the instrument's own ``Instrument/makerFee`` and
/// ``Instrument/takerFee`` (the default fee model), rounded half-even to the currency.
public struct InstrumentFeeModel: FeeModel, Sendable, Hashable {
    public init() {}

    public func commission(_ p: FeeParameters) throws(FixedPointError) -> Money {
        try (p.liquiditySide == .maker ? p.instrument.makerFee : p.instrument.takerFee).applied(to: p.notional)
    }
}

/// Maker/taker fees as fractions of notional (a negative maker rate is a rebate), exact
/// through ``Rate/applied(to:rule:)``, rounded half-even to the quote currency.
public struct MakerTakerFeeModel: FeeModel, Sendable, Hashable {
    public let maker: Rate
    public let taker: Rate

    public init(maker: Rate, taker: Rate) {
        self.maker = maker
        self.taker = taker
    }

    public func commission(_ p: FeeParameters) throws(FixedPointError) -> Money {
        try (p.liquiditySide == .maker ? maker : taker).applied(to: p.notional)
    }
}

/// One fraction of notional for every execution (e.g. `0.001` = 10 bps).
public struct NotionalFeeModel: FeeModel, Sendable, Hashable {
    public let rate: Rate

    public init(rate: Rate) { self.rate = rate }

    public func commission(_ p: FeeParameters) throws(FixedPointError) -> Money {
        try rate.applied(to: p.notional)
    }
}

/// A fee per share or contract with a minimum per order (the Interactive Brokers style:
/// `0.005 USD` per share, at least `1.00 USD` per order).
///
/// The minimum applies to the order as a whole: the order's total fee after `n` units
/// filled is `max(perUnit × n, minimum)`, and each execution is charged the increase, so
/// partial fills add up to exactly what one fill of the same total would cost.
public struct PerUnitFeeModel: FeeModel, Sendable, Hashable {
    public let perUnit: Money
    public let minimum: Money

    /// Throws ``FixedPointError/currencyMismatch`` when the two amounts are in different currencies.
    public init(perUnit: Money, minimum: Money) throws(FixedPointError) {
        guard perUnit.currency == minimum.currency else {
            throw .currencyMismatch(perUnit.currency.code, minimum.currency.code)
        }
        self.perUnit = perUnit
        self.minimum = minimum
    }

    public func commission(_ p: FeeParameters) throws(FixedPointError) -> Money {
        let before = p.filledBefore.raw == 0 ? 0 : try total(p.filledBefore)
        let after = try total(Quantity(uncheckedRaw: p.filledBefore.raw + p.quantity.raw, precision: p.quantity.precision))
        return Money(uncheckedRaw: after - before, currency: perUnit.currency)
    }

    /// The order's total fee for `filled` units, in raw units of the fee currency.
    private func total(_ filled: Quantity) throws(FixedPointError) -> Int64 {
        let product = Int128(perUnit.raw) * Int128(filled.raw)
        guard let raw = Int64(exactly: product.dividedHalfEven(by: Int128(FixedPoint.scale(filled.precision)))) else {
            throw .overflow(operation: "per-unit fee")
        }
        return max(raw, minimum.raw)
    }
}

/// A fixed fee per order, charged on its first execution.
public struct FixedFeeModel: FeeModel, Sendable, Hashable {
    public let perOrder: Money

    public init(perOrder: Money) { self.perOrder = perOrder }

    public func commission(_ p: FeeParameters) throws(FixedPointError) -> Money {
        p.filledBefore.raw == 0 ? perOrder : .zero(perOrder.currency)
    }
}
