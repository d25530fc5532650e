public import BourseCore
public import BourseEngine
import BourseIndicators

/// Simple-moving-average crossover, always in the market after the first cross.
///
/// Rules: on each subscribed bar's close, with `SMA(fast)` and `SMA(slow)` of the closes:
/// - fast crosses **above** slow (previous fast < previous slow and fast > slow): close any
///   short, then buy with all available funds (``OrderSizing/allAvailableFunds``);
/// - fast crosses **below** slow: close any long, then sell short with all available funds.
/// Orders are market orders, filled by the venue's fill timing (next open by default).
/// This is backtesting.py's `SmaCross` example; with a margin account at leverage 1 it
/// reproduces that library's trades (see `Tests/BourseEngineTests/ReferenceBacktestTests.swift`).
///
/// Parameters: `fast` (default 10), `slow` (default 20), `fast < slow`.
public struct SMACross: Strategy {
    public static let name = "sma-cross"
    public static let summary = "SMA(fast) / SMA(slow) crossover: long above, short below, all available funds"
    public static let parameters: [ParameterSpec] = [
        .integer("fast", default: 10, range: 1...10_000, "fast SMA period (bars)"),
        .integer("slow", default: 20, range: 2...10_000, "slow SMA period (bars)"),
    ]

    private var rules: MovingAverageCrossRules<SMA>

    public init(parameters: ParameterValues) throws(ParameterError) {
        rules = try MovingAverageCrossRules(parameters: parameters) { period in try SMA(period: period) }
    }

    public mutating func onStart(_ context: StrategyContext) throws { try rules.onStart(context) }

    public mutating func onBar(_ bar: Bar, _ context: StrategyContext) throws { try rules.onBar(bar, context) }
}

/// Its state is its moving averages (registered in ``onStart(_:)``, which a restore runs first).
extension SMACross: RestorableStrategy {
    public func savedState() -> [UInt8] { rules.savedState() }

    public mutating func restore(savedState: [UInt8]) throws(JournalCodecError) { try rules.restore(savedState: savedState) }
}
