public import BourseCore
public import BourseEngine
import BourseIndicators

/// Exponential-moving-average crossover, always in the market after the first cross.
///
/// Rules: as ``SMACross`` with `EMA(fast)` and `EMA(slow)` of the closes: a cross above closes
/// any short and buys with all available funds; a cross below closes any long and sells short
/// with all available funds (market orders).
///
/// Parameters: `fast` (default 12), `slow` (default 26), `fast < slow`.
public struct EMACross: Strategy {
    public static let name = "ema-cross"
    public static let summary = "EMA(fast) / EMA(slow) crossover: long above, short below, all available funds"
    public static let parameters: [ParameterSpec] = [
        .integer("fast", default: 12, range: 1...10_000, "fast EMA period (bars)"),
        .integer("slow", default: 26, range: 2...10_000, "slow EMA period (bars)"),
    ]

    private var rules: MovingAverageCrossRules<EMA>

    public init(parameters: ParameterValues) throws(ParameterError) {
        rules = try MovingAverageCrossRules(parameters: parameters) { period in try EMA(period: period) }
    }

    public mutating func onStart(_ context: StrategyContext) throws { try rules.onStart(context) }

    public mutating func onBar(_ bar: Bar, _ context: StrategyContext) throws { try rules.onBar(bar, context) }
}
