public import BourseCore

/// Commission as a fraction of each fill's notional (`rate`, e.g. `0.002` = 0.2 %), charged in
/// the quote currency.
///
/// The exact fee `notional × rate` usually has more decimals than the currency. Two ways to
/// round it to the currency's unit:
/// - ``Rounding/carry`` (default): the sub-unit remainder is carried to the next fill, so the
///   commissions charged so far always equal the exact cumulative commission rounded half-even
///   — the total never drifts more than half a unit from an engine that keeps sub-cent fees;
/// - ``Rounding/perFill(_:)``: every fill's fee is rounded on its own with the given rule.
public struct CommissionModel: Sendable, Hashable {
    public enum Rounding: Sendable, Hashable {
        case carry
        case perFill(RoundingRule)
    }

    public let rate: Rate
    public let rounding: Rounding
    /// Exact commissions so far, in raw currency units × 10^rate.precision.
    private var exactTotal: Int128 = 0
    /// Raw currency units charged so far.
    private var chargedTotal: Int64 = 0

    public init(rate: Rate, rounding: Rounding = .carry) {
        self.rate = rate
        self.rounding = rounding
    }

    /// No commission.
    public static let zero = CommissionModel(rate: Rate(uncheckedRaw: 0, precision: 0))

    /// The commission of a fill of `notionalRaw` (raw quote-currency units, absolute).
    public mutating func commission(notionalRaw: Int64) -> Int64 {
        guard rate.raw != 0 else { return 0 }
        let exact = Int128(notionalRaw.magnitude) * Int128(rate.raw)
        let scale = Int128(FixedPoint.scale(rate.precision))
        switch rounding {
        case .perFill(let rule):
            return (try? FixedPoint.divide(exact, by: scale, rule: rule)) ?? 0
        case .carry:
            exactTotal += exact
            let target = (try? FixedPoint.divide(exactTotal, by: scale, rule: .halfEven)) ?? chargedTotal
            let fee = target - chargedTotal
            chargedTotal = target
            return fee
        }
    }

    /// The fee fraction as a `Double` (for sizing).
    public var rateDouble: Double { rate.doubleValue }
}
