import BourseAnalytics
import Testing

/// Whole-share allocation against PyPortfolioOpt 1.6.0's `DiscreteAllocation`
/// (`scripts/generate_portfolio_fixtures.py`), on the 20-stock file's latest prices.
@Suite struct DiscreteAllocationTests {
    static let caseNames: [String] = {
        let golden = (try? Fixture.json("discrete_allocation_stock_prices_20.json")) ?? [:]
        return ((golden["cases"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String }
    }()

    let golden: [String: Any]
    let prices: Vector

    init() throws {
        golden = try Fixture.json("discrete_allocation_stock_prices_20.json")
        prices = try numbers(golden, "latestPrices")
    }

    func goldenCase(_ name: String) throws -> [String: Any] {
        let cases = try #require(golden["cases"] as? [[String: Any]])
        return try #require(cases.first { $0["name"] as? String == name })
    }

    @Test(arguments: caseNames)
    func greedyMatchesPyPortfolioOpt(name: String) throws {
        let c = try goldenCase(name)
        let result = try DiscreteAllocation.greedy(weights: numbers(c, "weights"), prices: prices, totalValue: number(c, "cash"))
        #expect(result.shares == (try #require(c["greedyShares"] as? [Int])))
        expectRelative(result.leftover, try number(c, "greedyLeftover"), 1e-9, "\(name) leftover")
    }

    /// The integer program has many optima (any share above an asset's target costs nothing
    /// extra), so the shares can differ from ECOS_BB's; the optimal objective cannot.
    /// `equal-100000` (≈7,000 shares, an objective of cents) is left out: the branch and bound
    /// does not prove optimality there within its node limit (see `hardCaseIsReportedNotSolved`).
    @Test(arguments: caseNames.filter { $0 != "equal-100000" })
    func exactReachesTheIntegerProgramOptimum(name: String) throws {
        let c = try goldenCase(name)
        let weights = try numbers(c, "weights")
        let cash = try number(c, "cash")
        let exact = try DiscreteAllocation.exact(weights: weights, prices: prices, totalValue: cash)
        let lpShares = try #require(c["lpShares"] as? [Int])
        var lpObjective = try number(c, "lpLeftover")
        for i in prices.indices { lpObjective += abs(weights[i] * cash - Double(lpShares[i]) * prices[i]) }
        #expect(exact.objective <= lpObjective + 1e-6 * cash, "\(name): \(exact.objective) vs PyPortfolioOpt \(lpObjective)")
        #expect(exact.leftover >= -1e-9)
        let greedy = try DiscreteAllocation.greedy(weights: weights, prices: prices, totalValue: cash)
        #expect(exact.objective <= greedy.objective + 1e-9)
        if exact.shares == lpShares { expectRelative(exact.leftover, try number(c, "lpLeftover"), 1e-6, "\(name) leftover") }
    }

    /// Where the search cannot prove optimality it says so instead of returning a guess.
    @Test func hardCaseIsReportedNotSolved() throws {
        let c = try goldenCase("equal-100000")
        #expect(throws: AnalyticsError.notConverged("exact allocation: optimality not proven within 100000 search nodes; use greedy")) {
            try DiscreteAllocation.exact(weights: numbers(c, "weights"), prices: prices, totalValue: number(c, "cash"), nodeLimit: 100_000)
        }
    }

    /// Exhaustive check of the branch and bound on small instances (every share vector up to
    /// two above the target), with a fixed-seed generator.
    @Test func exactEqualsEnumerationOnSmallProblems() throws {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func uniform() -> Double {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Double(state >> 11) / Double(1 << 53)
        }
        for _ in 0..<200 {
            let n = 2 + Int(uniform() * 3)
            let prices = (0..<n).map { _ in uniform() < 0.5 ? 1 + 49 * uniform() : 50 + 350 * uniform() }
            var weights = (0..<n).map { _ in uniform() }
            let total = weights.reduce(0, +)
            weights = weights.map { $0 / total }
            let cash = 50 + 750 * uniform()
            let exact = try DiscreteAllocation.exact(weights: weights, prices: prices, totalValue: cash)
            var best = Double.infinity
            var shares = [Int](repeating: 0, count: n)
            func enumerate(_ k: Int, _ spent: Double) {
                if k == n {
                    var objective = cash - spent
                    for i in 0..<n { objective += abs(weights[i] * cash - Double(shares[i]) * prices[i]) }
                    best = min(best, objective)
                    return
                }
                let most = Int(weights[k] * cash / prices[k]) + 2
                for count in 0...most where spent + Double(count) * prices[k] <= cash {
                    shares[k] = count
                    enumerate(k + 1, spent + Double(count) * prices[k])
                }
            }
            enumerate(0, 0)
            #expect(abs(exact.objective - best) <= 1e-9 * cash, "prices \(prices) weights \(weights) cash \(cash)")
        }
    }

    @Test func badInputIsATypedError() {
        #expect(throws: AnalyticsError.invalidParameter("weight 1 is -0.2; discrete allocation is long-only (weights ≥ 0, finite)")) {
            try DiscreteAllocation.greedy(weights: [1.2, -0.2], prices: [10, 10], totalValue: 1000)
        }
        #expect(throws: AnalyticsError.invalidParameter("price 0 is nan; prices must be positive and finite")) {
            try DiscreteAllocation.exact(weights: [1], prices: [.nan], totalValue: 1000)
        }
        #expect(throws: AnalyticsError.lengthMismatch("2 weights for 1 prices")) {
            try DiscreteAllocation.greedy(weights: [0.5, 0.5], prices: [10], totalValue: 1000)
        }
        #expect(throws: AnalyticsError.notConverged("exact allocation: optimality not proven within 1 search nodes; use greedy")) {
            try DiscreteAllocation.exact(weights: [0.5, 0.5], prices: [3, 7], totalValue: 1000, nodeLimit: 1)
        }
    }
}
