public import BourseCore
public import BourseEngine
import BourseIndicators

/// Cross-sectional momentum rotation over a basket, long only.
///
/// Rules, over every instrument of the run (the basket), once a timestamp's cross-section is
/// complete (every instrument has a bar closing then):
/// - score each instrument by its `lookback`-bar return (`close / close[−lookback] − 1`);
/// - on the first complete cross-section where every score is known, and every `rebalance`
///   complete cross-sections after it, rank by score (ties: data order) and hold the `top`
///   best equally weighted: each gets `exposure × equity / top` worth of units at the close,
///   rounded down to the lot; the others are closed;
/// - the rebalance first sells (closes and trims), and buys on the next complete cross-section,
///   so the sales have filled and freed their margin before the purchases (with next-open fills,
///   purchases fill one bar after the sales). A rebalance with nothing to sell buys at once.
/// Market orders. With `rebalance = 21` on daily bars this is the classic monthly rotation.
///
/// Parameters: `lookback` (63), `top` (3), `rebalance` (21), `exposure` (0.95).
public struct MomentumRotation: Strategy {
    public static let name = "momentum-rotation"
    public static let summary = "Momentum rotation: hold the top K of the basket by N-bar return, equal weights, rebalance every M bars"
    public static let parameters: [ParameterSpec] = [
        .integer("lookback", default: 63, range: 1...10_000, "return window N (bars)"),
        .integer("top", default: 3, range: 1...1_000, "number of instruments held K"),
        .integer("rebalance", default: 21, range: 1...10_000, "bars M between rebalances"),
        .decimal("exposure", default: 0.95, range: 0.01...1, "fraction of equity invested, split equally"),
    ]

    let lookback: Int
    let top: Int
    let rebalanceEvery: Int
    let exposure: Double
    private var section = CrossSection([])
    private var scores: [IndicatorRef<ROC>] = []
    /// Complete cross-sections since the last rebalance (`nil` before the first).
    private var sinceRebalance: Int?
    /// Target units per instrument still to buy once the sales of a rebalance have filled.
    private var pendingBuys: [Double]?

    public init(parameters: ParameterValues) throws(ParameterError) {
        lookback = parameters.integer("lookback")
        top = parameters.integer("top")
        rebalanceEvery = parameters.integer("rebalance")
        exposure = parameters.decimal("exposure")
    }

    public mutating func onStart(_ context: StrategyContext) throws {
        section = CrossSection(context.availableBarTypes)
        for barType in context.availableBarTypes {
            context.subscribe(bars: barType)
            scores.append(context.register(try ROC(period: lookback), on: barType))
        }
    }

    public mutating func onBar(_ bar: Bar, _ context: StrategyContext) throws {
        guard section.record(bar), scores.allSatisfy(\.isReady) else { return }
        if let targets = pendingBuys {
            pendingBuys = nil
            try buy(targets, context)
        }
        if let count = sinceRebalance, count + 1 < rebalanceEvery {
            sinceRebalance = count + 1
            return
        }
        sinceRebalance = 0
        let targets = try targetUnits(context)
        var sold = false
        for (i, barType) in section.barTypes.enumerated() where targets[i] < context.units(barType.instrumentID) {
            sold = try context.rebalance(barType.instrumentID, to: targets[i]) || sold
        }
        if sold { pendingBuys = targets } else { try buy(targets, context) }
    }

    /// The instruments of the basket, best score first (ties keep data order).
    func ranking() -> [Int] {
        scores.indices.sorted { a, b in scores[a].value != scores[b].value ? scores[a].value > scores[b].value : a < b }
    }

    /// Units to hold of each instrument: the top `top` get equal shares of `exposure × equity`.
    private func targetUnits(_ context: StrategyContext) throws -> [Double] {
        let held = Set(ranking().prefix(top))
        let budget = exposure * context.equity.doubleValue / Double(min(top, scores.count))
        return section.barTypes.indices.map { i in held.contains(i) ? (budget / section.closes[i]).rounded(.down) : 0 }
    }

    private func buy(_ targets: [Double], _ context: StrategyContext) throws {
        for (i, barType) in section.barTypes.enumerated() where targets[i] > context.units(barType.instrumentID) {
            try context.rebalance(barType.instrumentID, to: targets[i])
        }
    }
}
