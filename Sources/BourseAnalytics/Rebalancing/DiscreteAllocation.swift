/// Whole-share allocation of a cash amount to target weights, as PyPortfolioOpt's
/// `DiscreteAllocation` (long-only).
///
/// Two methods:
/// - `greedy`: PyPortfolioOpt's `greedy_portfolio` step for step — buy `⌊wᵢV / pᵢ⌋` shares in
///   order of decreasing weight, then one share at a time of the asset whose weight (among the
///   holdings) lags its target most and is still affordable.
/// - `exact`: the integer program of PyPortfolioOpt's `lp_portfolio`,
///   `minimize Σ|wᵢV − xᵢpᵢ| + r` with `r = V − Σxᵢpᵢ ≥ 0`, `xᵢ ≥ 0` integer, solved to
///   optimality by branch and bound (see `ExactAllocationSearch`).
public struct DiscreteAllocation: Sendable, Equatable {
    /// Shares of each asset, in input order.
    public let shares: [Int]
    /// Cash left over, `V − Σ sharesᵢ · priceᵢ`.
    public let leftover: Double
    /// PyPortfolioOpt's LP objective of this allocation, `Σ|wᵢV − xᵢpᵢ| + leftover`.
    public let objective: Double

    init(shares: [Int], problem: Problem) {
        self.shares = shares
        var spent = 0.0
        var deviation = 0.0
        for i in shares.indices {
            spent += Double(shares[i]) * problem.prices[i]
            deviation += abs(problem.targets[i] - Double(shares[i]) * problem.prices[i])
        }
        leftover = problem.totalValue - spent
        objective = deviation + leftover
    }

    /// The validated input: weights, prices, the cash amount and each asset's target value.
    struct Problem {
        let weights: Vector
        let prices: Vector
        let totalValue: Double
        let targets: Vector

        init(weights: Vector, prices: Vector, totalValue: Double) throws(AnalyticsError) {
            guard weights.count == prices.count, !weights.isEmpty else {
                throw .lengthMismatch("\(weights.count) weights for \(prices.count) prices")
            }
            if let i = weights.firstIndex(where: { !($0 >= 0 && $0.isFinite) }) {
                throw .invalidParameter("weight \(i) is \(weights[i]); discrete allocation is long-only (weights ≥ 0, finite)")
            }
            if let i = prices.firstIndex(where: { !($0 > 0 && $0.isFinite) }) {
                throw .invalidParameter("price \(i) is \(prices[i]); prices must be positive and finite")
            }
            guard totalValue > 0, totalValue.isFinite else {
                throw .invalidParameter("total portfolio value must be positive and finite, got \(totalValue)")
            }
            guard weights.reduce(0, +) > 0 else { throw .invalidParameter("weights are all zero") }
            self.weights = weights
            self.prices = prices
            self.totalValue = totalValue
            targets = weights.map { $0 * totalValue }
        }
    }

    /// PyPortfolioOpt's greedy allocation.
    /// - Throws: `lengthMismatch`, `invalidParameter` (negative or non-finite weight, non-positive price or value).
    public static func greedy(weights: Vector, prices: Vector, totalValue: Double) throws(AnalyticsError) -> DiscreteAllocation {
        let problem = try Problem(weights: weights, prices: prices, totalValue: totalValue)
        let n = weights.count
        // Stable sort by decreasing weight, as Python's `sort(reverse=True)`.
        let order = weights.indices.sorted { weights[$0] != weights[$1] ? weights[$0] > weights[$1] : $0 < $1 }
        var shares = [Int](repeating: 0, count: n)
        var available = totalValue
        for i in order {
            let count = Int(weights[i] * totalValue / prices[i])
            shares[i] = count
            available -= Double(count) * prices[i]
        }
        while available > 0 {
            var held = order.map { Double(shares[$0]) * prices[$0] }
            let total = held.reduce(0, +)
            for k in held.indices { held[k] = total > 0 ? held[k] / total : 0 }
            var deficit = order.indices.map { weights[order[$0]] - held[$0] }
            var k = argmax(deficit)
            var tries = 0
            while prices[order[k]] > available {
                deficit[k] = 0
                k = argmax(deficit)
                if deficit[k] < 0 || tries == 10 { break }
                tries += 1
            }
            if deficit[k] <= 0 || tries == 10 { break }
            shares[order[k]] += 1
            available -= prices[order[k]]
        }
        return DiscreteAllocation(shares: shares, problem: problem)
    }

    /// The optimal allocation for PyPortfolioOpt's integer program.
    /// - Parameter nodeLimit: search nodes allowed before giving up.
    /// - Throws: as `greedy`, and `notConverged` if optimality was not proven within `nodeLimit`.
    public static func exact(
        weights: Vector, prices: Vector, totalValue: Double, nodeLimit: Int = 10_000_000
    ) throws(AnalyticsError) -> DiscreteAllocation {
        let problem = try Problem(weights: weights, prices: prices, totalValue: totalValue)
        let start = try greedy(weights: weights, prices: prices, totalValue: totalValue)
        var search = ExactAllocationSearch(problem: problem, incumbent: start.shares, nodeLimit: nodeLimit)
        guard let shares = search.run() else {
            throw .notConverged("exact allocation: optimality not proven within \(nodeLimit) search nodes; use greedy")
        }
        return DiscreteAllocation(shares: shares, problem: problem)
    }

    /// NumPy's `argmax`: the first index of the largest value.
    private static func argmax(_ values: Vector) -> Int {
        var best = 0
        for k in values.indices where values[k] > values[best] { best = k }
        return best
    }
}
