public import BourseCore

/// How a ``PositionSizer`` turns equity and a price into an order quantity. Money and fractions
/// are exact; the statistical inputs (probabilities, volatilities) are `Double`.
public enum SizingMethod: Sendable, Hashable, Codable {
    /// Always the same quantity (rounded down to the lot size).
    case fixedQuantity(Quantity)
    /// Notional = `fraction × equity`.
    case fixedFraction(Rate)
    /// Risk `fraction × equity` if the price moves `stopDistance` against the position:
    /// quantity = risk / (stopDistance × multiplier).
    case fixedRisk(fraction: Rate, stopDistance: Price)
    /// ``fixedRisk(fraction:stopDistance:)`` with the stop `multiple × atr` away (the product rounded up to the tick).
    case averageTrueRange(fraction: Rate, atr: Price, multiple: Rate)
    /// Kelly: `f* = p − (1 − p) / b` for win probability `p` and payoff ratio `b` (average win / average loss);
    /// notional = `min(kellyFraction × f*, cap) × equity`; nothing when `f* ≤ 0`.
    case kelly(winProbability: Double, payoffRatio: Double, kellyFraction: Double, cap: Rate)
    /// Notional = `min(target / volatility, maxLeverage) × equity` (volatilities in the same units, e.g. annualized).
    case volatilityTarget(target: Double, volatility: Double, maxLeverage: Rate)
}
