/// Depth-first branch and bound for `DiscreteAllocation.exact`.
///
/// With `aᵢ = wᵢV` the target values, the LP objective `Σ|aᵢ − xᵢpᵢ| + V − Σxᵢpᵢ` equals
/// `2 Σ max(aᵢ − xᵢpᵢ, 0) + V − Σaᵢ`, so the problem is to maximize the covered value
/// `Σ min(xᵢpᵢ, aᵢ)` subject to `Σ xᵢpᵢ ≤ V`; no asset needs more than `⌈aᵢ/pᵢ⌉` shares. Assets
/// are visited by decreasing price; each takes share counts from the most affordable down to 0,
/// and a branch is cut when its covered value plus a bound on what the undecided assets can still
/// cover cannot beat the best allocation so far by more than `1e-9 · V`.
///
/// The bound: an undecided asset `j` with `fⱼ = ⌊aⱼ/pⱼ⌋` either stays at or below `fⱼ` shares
/// (shortfall at least `rⱼ = aⱼ − fⱼpⱼ`) or takes `fⱼ + 1` (no shortfall, but `oⱼ = pⱼ − rⱼ` spent
/// above its target). With `D = Σaⱼ − cash`, the total shortfall is at least
/// `max(Σ_{j∉S} rⱼ, D + Σ_{j∈S} oⱼ)` for the set `S` rounded up; its minimum over fractional `S`
/// (taking assets by decreasing `rⱼ/oⱼ` until the two terms meet) is a valid lower bound. Below an
/// asset's target one share fewer loses `pᵢ` of value and lowers that bound by at most `pᵢ`, so
/// once a count is cut, every smaller count is cut too.
struct ExactAllocationSearch {
    let problem: DiscreteAllocation.Problem
    let nodeLimit: Int
    /// Asset indices by decreasing price.
    private let order: [Int]
    /// `suffixTargets[k]` = Σ aⱼ over `order[k...]`.
    private let suffixTargets: Vector
    /// `suffixResiduals[k]` = Σ rⱼ over `order[k...]`.
    private let suffixResiduals: Vector
    /// `roundingOrder[k]`: the assets of `order[k...]` with a residual, by decreasing `rⱼ/oⱼ`
    /// (`k` up to `order.count`, the empty suffix).
    private let roundingOrder: [[Int]]
    /// `rⱼ` and `oⱼ` per asset.
    private let residual: Vector
    private let overshoot: Vector
    private var best: [Int]
    private var bestValue: Double
    private var current: [Int]
    private var nodes = 0

    init(problem: DiscreteAllocation.Problem, incumbent: [Int], nodeLimit: Int) {
        self.problem = problem
        self.nodeLimit = nodeLimit
        let prices = problem.prices
        let order = prices.indices.sorted { prices[$0] != prices[$1] ? prices[$0] > prices[$1] : $0 < $1 }
        self.order = order
        var suffix = Vector(repeating: 0, count: order.count + 1)
        for k in stride(from: order.count - 1, through: 0, by: -1) { suffix[k] = suffix[k + 1] + problem.targets[order[k]] }
        suffixTargets = suffix
        let residual = problem.targets.indices.map { i in
            problem.targets[i] - (problem.targets[i] / prices[i]).rounded(.down) * prices[i]
        }
        let overshoot = prices.indices.map { prices[$0] - residual[$0] }
        var residualSuffix = Vector(repeating: 0, count: order.count + 1)
        for k in stride(from: order.count - 1, through: 0, by: -1) { residualSuffix[k] = residualSuffix[k + 1] + residual[order[k]] }
        suffixResiduals = residualSuffix
        roundingOrder = (0...order.count).map { k in
            order[k...].filter { residual[$0] > 0 }.sorted { residual[$0] * overshoot[$1] > residual[$1] * overshoot[$0] }
        }
        self.residual = residual
        self.overshoot = overshoot
        best = incumbent
        bestValue = Self.covered(incumbent, problem)
        current = [Int](repeating: 0, count: order.count)
    }

    /// The optimal shares, or `nil` if the node limit was reached first.
    mutating func run() -> [Int]? {
        let complete = visit(depth: 0, cash: problem.totalValue, value: 0)
        return complete ? best : nil
    }

    /// Explores the assets from `order[depth]` on; `false` when the node limit stops the search.
    private mutating func visit(depth: Int, cash: Double, value: Double) -> Bool {
        nodes += 1
        guard nodes <= nodeLimit else { return false }
        let epsilon = 1e-9 * problem.totalValue
        if depth == order.count {
            if value > bestValue + epsilon {
                bestValue = value
                for (k, i) in order.enumerated() { best[i] = current[k] }
            }
            return true
        }
        guard value + suffixTargets[depth] - leastShortfall(depth: depth, cash: cash) > bestValue + epsilon else { return true }
        let i = order[depth]
        let price = problem.prices[i]
        let target = problem.targets[i]
        let most = min((target / price).rounded(.up), (cash / price).rounded(.down))
        var count = Int(max(most, 0))
        while count >= 0 {
            current[depth] = count
            let spent = Double(count) * price
            // Below the target, one share fewer loses `price` of value and frees `price` of cash,
            // so the bound cannot grow: once it fails, it fails for every smaller count.
            let childBound = value + min(spent, target) + suffixTargets[depth + 1]
                - leastShortfall(depth: depth + 1, cash: cash - spent)
            if spent <= target && childBound <= bestValue + epsilon { break }
            guard visit(depth: depth + 1, cash: cash - spent, value: value + min(spent, target)) else { return false }
            count -= 1
        }
        current[depth] = 0
        return true
    }

    /// The lower bound on the shortfall of the assets `order[depth...]` with `cash` left (see above).
    private func leastShortfall(depth: Int, cash: Double) -> Double {
        var a = suffixResiduals[depth]
        var b = suffixTargets[depth] - cash
        guard a > b else { return max(b, 0) }
        for j in roundingOrder[depth] {
            let r = residual[j]
            let o = overshoot[j]
            if a - r <= b + o { return max(a - r * (a - b) / (r + o), 0) }
            a -= r
            b += o
        }
        return max(a, b, 0)
    }

    /// `Σ min(xᵢpᵢ, aᵢ)`.
    static func covered(_ shares: [Int], _ problem: DiscreteAllocation.Problem) -> Double {
        shares.indices.reduce(0) { $0 + min(Double(shares[$1]) * problem.prices[$1], problem.targets[$1]) }
    }
}
