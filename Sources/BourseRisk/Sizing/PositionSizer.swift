public import BourseCore

/// Computes order quantities with a ``SizingMethod``, always rounding **down** to the
/// instrument's lot size (never more risk than asked). A size below one lot, or below the
/// instrument's minimum quantity, is zero: the caller should not trade.
///
/// ```swift
/// let sizer = PositionSizer(.fixedRisk(fraction: Rate(parsing: "0.01"), stopDistance: Price(parsing: "2.50")))
/// let quantity = try sizer.quantity(equity: Money(parsing: "100000", .USD), price: Price(parsing: "150.00"), instrument: goog)
/// // risk 1,000 USD / 2.50 per share = 400 shares
/// ```
public struct PositionSizer: Sendable, Hashable, Codable {
    public let method: SizingMethod

    public init(_ method: SizingMethod) { self.method = method }

    /// The quantity for an entry at `price` with `equity` (in the instrument's quote currency).
    /// - Throws: ``SizingError`` for non-positive equity or price, or nonsense parameters.
    public func quantity(equity: Money, price: Price, instrument: Instrument) throws(SizingError) -> Quantity {
        guard equity.raw > 0 else { throw .nonPositiveEquity(equity.description) }
        guard price.raw > 0 else { throw .nonPositivePrice(price.description) }
        guard equity.currency == instrument.quoteCurrency else {
            throw .currencyMismatch(equity: equity.currency.code, quote: instrument.quoteCurrency.code)
        }
        guard let price = try? price.rescaled(to: instrument.pricePrecision, rule: .halfEven) else {
            throw .nonPositivePrice(price.description)
        }
        let state = InstrumentRiskState(instrument: instrument)
        let raw: Int64
        switch method {
        case .fixedQuantity(let quantity):
            guard quantity.raw > 0 else { throw .invalidParameter(name: "quantity", value: "\(quantity)", rule: "must be positive") }
            raw = (try? quantity.rescaled(to: instrument.sizePrecision, rule: .down).raw) ?? .max
        case .fixedFraction(let fraction):
            try Self.positive(fraction, "fraction")
            raw = RiskMath.maxQuantityRaw(forNotionalRaw: RiskMath.fraction(fraction, of: equity.raw), price: price, state: state)
        case .fixedRisk(let fraction, let stop):
            raw = try Self.riskQuantity(fraction: fraction, stop: stop, equity: equity, state: state)
        case .averageTrueRange(let fraction, let atr, let multiple):
            try Self.positive(multiple, "multiple")
            guard atr.raw > 0 else { throw .invalidParameter(name: "atr", value: "\(atr)", rule: "must be positive") }
            let product = Int128(atr.raw) * Int128(multiple.raw)
            let scale = Int128(FixedPoint.scale(multiple.precision))
            let distance = Price(uncheckedRaw: RiskMath.clamp((product + scale - 1) / scale), precision: atr.precision)
            guard let stop = try? distance.rescaled(to: instrument.pricePrecision, rule: .up).rounded(toMultipleOf: instrument.tickSize, .up)
            else { throw .invalidParameter(name: "atr", value: "\(atr)", rule: "the stop distance overflows") }
            raw = try Self.riskQuantity(fraction: fraction, stop: stop, equity: equity, state: state)
        case .kelly(let p, let b, let kellyFraction, let cap):
            guard p.isFinite, p > 0, p < 1 else { throw .invalidParameter(name: "winProbability", value: "\(p)", rule: "must be in (0, 1)") }
            guard b.isFinite, b > 0 else { throw .invalidParameter(name: "payoffRatio", value: "\(b)", rule: "must be positive") }
            guard kellyFraction.isFinite, kellyFraction > 0, kellyFraction <= 1 else {
                throw .invalidParameter(name: "kellyFraction", value: "\(kellyFraction)", rule: "must be in (0, 1]")
            }
            try Self.positive(cap, "cap")
            let fStar = p - (1 - p) / b
            guard fStar > 0 else { return .zero(precision: instrument.sizePrecision) }
            let fraction = min(Self.rate(fStar * kellyFraction), cap)
            raw = RiskMath.maxQuantityRaw(forNotionalRaw: RiskMath.fraction(fraction, of: equity.raw), price: price, state: state)
        case .volatilityTarget(let target, let volatility, let maxLeverage):
            guard target.isFinite, target > 0 else { throw .invalidParameter(name: "target", value: "\(target)", rule: "must be positive") }
            guard volatility.isFinite, volatility > 0 else {
                throw .invalidParameter(name: "volatility", value: "\(volatility)", rule: "must be positive")
            }
            try Self.positive(maxLeverage, "maxLeverage")
            let fraction = min(Self.rate(target / volatility), maxLeverage)
            raw = RiskMath.maxQuantityRaw(forNotionalRaw: RiskMath.fraction(fraction, of: equity.raw), price: price, state: state)
        }
        return Self.roundedToLot(raw, instrument)
    }

    /// Risk budget `fraction × equity` over the loss per unit `stop × multiplier`.
    private static func riskQuantity(fraction: Rate, stop: Price, equity: Money, state: InstrumentRiskState) throws(SizingError) -> Int64 {
        try positive(fraction, "fraction")
        guard stop.raw > 0 else { throw .invalidParameter(name: "stopDistance", value: "\(stop)", rule: "must be positive") }
        guard let stop = try? stop.rescaled(to: state.instrument.pricePrecision, rule: .up) else {
            throw .invalidParameter(name: "stopDistance", value: "\(stop)", rule: "does not fit the instrument's precision")
        }
        return RiskMath.maxQuantityRaw(forNotionalRaw: RiskMath.fraction(fraction, of: equity.raw), price: stop, state: state)
    }

    private static func positive(_ rate: Rate, _ name: String) throws(SizingError) {
        guard rate.raw > 0 else { throw .invalidParameter(name: name, value: "\(rate)", rule: "must be positive") }
    }

    /// A `Double` fraction as a ``Rate`` at 9 decimals, rounded down (never more than computed).
    private static func rate(_ value: Double) -> Rate {
        let scaled = (value * 1e9).rounded(.down)
        return Rate(uncheckedRaw: scaled >= 9.2e18 ? .max : Int64(scaled), precision: 9)
    }

    private static func roundedToLot(_ raw: Int64, _ instrument: Instrument) -> Quantity {
        let lot = instrument.lotSize.raw
        var q = max(0, raw - raw % lot)
        if let maxQuantity = instrument.maxQuantity, let m = try? maxQuantity.rescaled(to: instrument.sizePrecision, rule: .down).raw {
            q = min(q, m - m % lot)
        }
        if let minQuantity = instrument.minQuantity, q > 0, Quantity(uncheckedRaw: q, precision: instrument.sizePrecision) < minQuantity {
            q = 0
        }
        return Quantity(uncheckedRaw: q, precision: instrument.sizePrecision)
    }
}
