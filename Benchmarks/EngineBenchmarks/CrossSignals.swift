import BourseCore
import BourseEngine
import BourseIndicators

/// SMA(10)/SMA(30) crossover signals without orders: registers both averages on every bar type,
/// finds the crosses as ``SMACross`` does (previous fast < previous slow and fast > slow, or the
/// reverse) and counts them. It isolates the per-bar path from the order path.
struct CrossSignals: Strategy {
    static let name = "cross-signals"
    static let summary = "SMA(10)/SMA(30) crosses, counted, no orders"
    static let parameters: [ParameterSpec] = []

    private var lines: [(barTypeIndex: Int, fast: IndicatorRef<SMA>, slow: IndicatorRef<SMA>)] = []
    /// Crosses seen.
    private(set) var crosses = 0

    init(parameters: ParameterValues) {}

    mutating func onStart(_ context: StrategyContext) throws {
        for barType in context.availableBarTypes {
            context.subscribe(bars: barType)
            lines.append(
                (context.barTypeIndex(barType), context.register(try SMA(period: 10), on: barType), context.register(try SMA(period: 30), on: barType)))
        }
    }

    mutating func onBar(_ bar: Bar, _ context: StrategyContext) throws {
        for (index, fast, slow) in lines where index == context.currentBarTypeIndex {
            guard fast.hasPrevious, slow.hasPrevious else { continue }
            let (f0, s0, f1, s1) = (fast.previousValue, slow.previousValue, fast.value, slow.value)
            if f0 < s0 && f1 > s1 || f0 > s0 && f1 < s1 { crosses += 1 }
        }
    }
}
