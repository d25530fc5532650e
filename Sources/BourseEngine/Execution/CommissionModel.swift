public import BourseCore
public import BourseExecution

/// The backtest's fee model: commission as a fraction of each fill's notional (`rate`, e.g.
/// `0.002` = 0.2 %), charged in the quote currency. It is the ``SimulatedVenue``'s `FeeModel`,
/// so the venue charges it on every execution.
///
/// The exact fee `notional × rate` usually has more decimals than the currency. Two ways to
/// round it to the currency's unit:
/// - ``Rounding/carry`` (default): the sub-unit remainder is carried to the next fill, so the
///   commissions charged so far always equal the exact cumulative commission rounded half-even
///   — the total never drifts more than half a unit from an engine that keeps sub-cent fees;
/// - ``Rounding/perFill(_:)``: every fill's fee is rounded on its own with the given rule.
///
/// Carrying needs state, so the model is a reference owned by one venue (one kernel).
public final class CommissionModel: FeeModel {
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

    /// The commission of one execution (the venue's `FeeModel` entry point).
    public func commission(_ parameters: FeeParameters) throws(FixedPointError) -> Money {
        Money(uncheckedRaw: commission(notionalRaw: parameters.notional.raw), currency: parameters.notional.currency)
    }

    /// The commission of a fill of `notionalRaw` (raw quote-currency units, absolute).
    public func commission(notionalRaw: Int64) -> Int64 {
        guard rate.raw != 0 else { return 0 }
        let exact = Int128(notionalRaw.magnitude) * Int128(rate.raw)
        let scale = Int128(FixedPoint.scale(rate.precision))
        switch rounding {
        case .perFill(let rule):
            return Self.fee(notionalRaw: notionalRaw, rate: rate, rule: rule)
        case .carry:
            exactTotal += exact
            let target = (try? FixedPoint.divide(exactTotal, by: scale, rule: .halfEven)) ?? chargedTotal
            let fee = target - chargedTotal
            chargedTotal = target
            return fee
        }
    }

    /// `|notionalRaw| × rate`, rounded to the currency unit with `rule` (0 on overflow).
    public static func fee(notionalRaw: Int64, rate: Rate, rule: RoundingRule) -> Int64 {
        let exact = Int128(notionalRaw.magnitude) * Int128(rate.raw)
        return (try? FixedPoint.divide(exact, by: Int128(FixedPoint.scale(rate.precision)), rule: rule)) ?? 0
    }
}
