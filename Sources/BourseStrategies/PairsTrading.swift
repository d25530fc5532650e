public import BourseCore
public import BourseEngine
import BourseIndicators

/// Pairs trading (statistical arbitrage) on the z-scored spread of two instruments.
///
/// The pair is the run's first two instruments, *A* and *B* (data order). Once both have a bar
/// closing at the same time:
/// - hedge ratio β = rolling least-squares slope of A's closes on B's over `lookback` bars
///   (`cov(B, A) / var(B)`); spread = `A − β·B`; z = the spread's rolling z-score over `lookback`
///   spreads (population σ), so z is known after `2·lookback − 1` bars;
/// - flat and z > `entry`: short the spread (sell A, buy β units of B per unit of A);
///   flat and z < −`entry`: long the spread (buy A, sell β·B). Sizing: A units =
///   `floor(fraction × equity / (A + β·B))`, B units = `floor(β × A units)`, so the gross value
///   of both legs is `fraction` of equity. No entry while β ≤ 0;
/// - long spread and z ≥ −`exit`, or short spread and z ≤ `exit`: close both legs (take profit);
/// - long spread and z < −`stop`, or short spread and z > `stop`: close both legs (stop), and
///   do not enter again until |z| ≤ `entry`.
/// Market orders; the short leg needs a margin account.
///
/// Parameters: `lookback` (60), `entry` (2), `exit` (0.5), `stop` (4), `fraction` (0.5).
public struct PairsTrading: Strategy {
    public static let name = "pairs"
    public static let summary = "Pairs trading: rolling hedge ratio, z-score of the spread, entry/exit/stop thresholds, both legs"
    public static let parameters: [ParameterSpec] = [
        .integer("lookback", default: 60, range: 2...10_000, "window of the hedge ratio and of the z-score (bars)"),
        .decimal("entry", default: 2, range: 0.01...100, "enter when |z| exceeds this"),
        .decimal("exit", default: 0.5, range: 0...100, "take profit when z is back within ±exit"),
        .decimal("stop", default: 4, range: 0.01...1_000, "stop out when |z| exceeds this"),
        .decimal("fraction", default: 0.5, range: 0.01...1, "gross value of both legs as a fraction of equity"),
    ]

    let lookback: Int
    let entry: Double
    let exit: Double
    let stop: Double
    let fraction: Double
    private var section = CrossSection([])
    private var beta: RollingBeta
    private var z: ZScore
    /// Set by a stop; cleared when |z| is back within `entry`.
    private var stoppedOut = false

    public init(parameters: ParameterValues) throws(ParameterError) {
        lookback = parameters.integer("lookback")
        entry = parameters.decimal("entry")
        exit = parameters.decimal("exit")
        stop = parameters.decimal("stop")
        fraction = parameters.decimal("fraction")
        guard exit < entry, entry < stop else {
            throw .invalidCombination("need exit (\(exit)) < entry (\(entry)) < stop (\(stop))")
        }
        do {
            beta = try RollingBeta(period: lookback)
            z = try ZScore(period: lookback)
        } catch { throw .invalidCombination("\(error)") }
    }

    public mutating func onStart(_ context: StrategyContext) throws {
        guard context.availableBarTypes.count >= 2 else {
            throw EngineError.configuration("\(Self.name) needs two instruments, the run has \(context.availableBarTypes.count)")
        }
        section = CrossSection(Array(context.availableBarTypes.prefix(2)))
        for barType in section.barTypes { context.subscribe(bars: barType) }
    }

    public mutating func onBar(_ bar: Bar, _ context: StrategyContext) throws {
        guard section.record(bar) else { return }
        let (a, b) = (section.closes[0], section.closes[1])
        beta.update(Pair(x: b, y: a))
        guard beta.isReady else { return }
        let hedge = beta.value
        z.update(a - hedge * b)
        guard z.isReady else { return }
        let score = z.value
        let (legA, legB) = (section.barTypes[0].instrumentID, section.barTypes[1].instrumentID)
        guard !context.hasOpenOrders(legA), !context.hasOpenOrders(legB) else { return }
        if stoppedOut && abs(score) <= entry { stoppedOut = false }
        let held = context.units(legA)
        if held == 0 {
            guard !stoppedOut, hedge > 0, abs(score) > entry else { return }
            let unitsA = (fraction * context.equity.doubleValue / (a + hedge * b)).rounded(.down)
            let unitsB = (hedge * unitsA).rounded(.down)
            guard unitsA >= 1, unitsB >= 1 else { return }
            let direction = score > entry ? -1.0 : 1.0  // short the spread above, long below
            try context.rebalance(legA, to: direction * unitsA)
            try context.rebalance(legB, to: -direction * unitsB)
        } else {
            let long = held > 0
            let takeProfit = long ? score >= -exit : score <= exit
            let stopLoss = long ? score < -stop : score > stop
            guard takeProfit || stopLoss else { return }
            stoppedOut = stopLoss
            try context.closePosition(legA)
            try context.closePosition(legB)
        }
    }
}
