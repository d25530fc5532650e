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
/// The per-unit amount may have more decimals than the currency (`0.0035`); the minimum
/// applies to the order as a whole: the order's total fee after `n` units filled is
/// `max(perUnit × n, minimum)`, rounded half-even to the currency, and each execution is
/// charged the increase, so partial fills add up to exactly what one fill of the same
/// total would cost.
public struct PerUnitFeeModel: FeeModel, Sendable, Hashable {
    /// The amount per unit, in ``minimum``'s currency, at any precision.
    public let perUnit: Price
    public let minimum: Money

    /// Throws ``FixedPointError/negative(_:)`` for a negative per-unit amount or minimum.
    public init(perUnit: Price, minimum: Money) throws(FixedPointError) {
        guard perUnit.raw >= 0, minimum.raw >= 0 else { throw .negative("per-unit fee \(perUnit), minimum \(minimum)") }
        self.perUnit = perUnit
        self.minimum = minimum
    }

    public func commission(_ p: FeeParameters) throws(FixedPointError) -> Money {
        let before = p.filledBefore.raw == 0 ? 0 : try total(p.filledBefore)
        let after = try total(Quantity(uncheckedRaw: p.filledBefore.raw + p.quantity.raw, precision: p.quantity.precision))
        return Money(uncheckedRaw: after - before, currency: minimum.currency)
    }

    /// The order's total fee for `filled` units, in raw units of the fee currency.
    private func total(_ filled: Quantity) throws(FixedPointError) -> Int64 {
        let product = Int128(perUnit.raw) * Int128(filled.raw)
        let scale = Int(perUnit.precision) + Int(filled.precision) - Int(minimum.currency.precision)
        let value: Int128
        if scale >= 0 {
            var divisor: Int128 = 1
            for _ in 0..<scale { divisor *= 10 }
            value = product.dividedHalfEven(by: divisor)
        } else {
            var factor: Int128 = 1
            for _ in 0..<(-scale) { factor *= 10 }
            value = product * factor
        }
        guard let raw = Int64(exactly: value) else { throw .overflow(operation: "per-unit fee") }
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
