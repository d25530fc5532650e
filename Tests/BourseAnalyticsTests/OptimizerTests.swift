import BourseAnalytics
import Testing

/// Golden portfolios from PyPortfolioOpt 1.6.0 (cvxpy) on the 20-stock file, with its
/// mean-historical returns and sample covariance (`scripts/generate_analytics_fixtures.py portfolio`).
@Suite struct OptimizerTests {
    static let caseNames: [String] = {
        let golden = (try? Fixture.json("optimizers_stock_prices_20.json")) ?? [:]
        return ((golden["cases"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String }
    }()

    let golden: [String: Any]
    let mu: Vector
    let sigma: Matrix

    init() throws {
        golden = try Fixture.json("optimizers_stock_prices_20.json")
        let returns = try AssetReturns(prices: Fixture.priceTable("stock_prices_20.csv"))
        mu = ExpectedReturns.meanHistorical(returns)
        sigma = try RiskModels.sampleCovariance(returns)
    }

    func constraints(for c: [String: Any]) throws -> PortfolioConstraints {
        let bounds = try #require(c["bounds"] as? [[Double]])
        var result = PortfolioConstraints(lower: bounds.map { $0[0] }, upper: bounds.map { $0[1] })
        if c["sectors"] as? Bool == true {
            let sectors = try #require(golden["sectors"] as? [String])
            let lower = try #require(golden["sectorLower"] as? [String: Double])
            let upper = try #require(golden["sectorUpper"] as? [String: Double])
            for name in try #require(golden["sectorNames"] as? [String]) {
                let members = sectors.indices.filter { sectors[$0] == name }
                result.groups.append(.init(name: name, members: members, lower: lower[name] ?? 0, upper: upper[name] ?? 1))
            }
        }
        return result
    }

    func expectMatches(_ r: PortfolioResult, _ c: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let name = c["name"] as? String ?? "?"
        let weights = try numbers(c, "weights")
        let worst = Vectors.maxAbsDifference(r.weights, weights)
        #expect(worst <= 1e-4, "\(name): weights differ by \(worst)", sourceLocation: sourceLocation)
        #expect(abs(r.weights.reduce(0, +) - 1) <= 1e-9, "\(name): weights sum to \(r.weights.reduce(0, +))", sourceLocation: sourceLocation)
        expectRelative(r.performance.expectedReturn, try number(c, "expectedReturn"), 1e-6, "\(name) return", sourceLocation: sourceLocation)
        expectRelative(r.performance.volatility, try number(c, "volatility"), 1e-6, "\(name) volatility", sourceLocation: sourceLocation)
        expectRelative(r.performance.sharpeRatio, try number(c, "sharpe"), 1e-6, "\(name) Sharpe", sourceLocation: sourceLocation)
    }

    @Test(arguments: caseNames)
    func optimizerMatchesPyPortfolioOpt(name: String) throws {
        let cases = try #require(golden["cases"] as? [[String: Any]])
        let c = try #require(cases.first { $0["name"] as? String == name })
        let ef = try EfficientFrontier(expectedReturns: mu, covariance: sigma, constraints: constraints(for: c))
        let arguments = c["arguments"] as? [String: Double] ?? [:]
        let result: PortfolioResult = switch c["method"] as? String {
        case "min_volatility": try ef.minVolatility()
        case "max_sharpe": try ef.maxSharpe(riskFreeRate: try #require(arguments["risk_free_rate"]))
        case "efficient_return": try ef.efficientReturn(targetReturn: try #require(arguments["target_return"]))
        default: try ef.efficientRisk(targetVolatility: try #require(arguments["target_volatility"]))
        }
        // PyPortfolioOpt reports the Sharpe ratio with the case's risk-free rate.
        let rf = try number(c, "riskFreeRate")
        let performance = try PortfolioPerformance(weights: result.weights, expectedReturns: mu, covariance: sigma, riskFreeRate: rf)
        try expectMatches(PortfolioResult(weights: result.weights, performance: performance), c)
    }

    @Test func everyGoldenCaseIsExercised() {
        #expect(Self.caseNames.count == 16)
    }

    @Test func frontierMatchesEfficientReturnPortfolios() throws {
        let expected = try #require(golden["frontier"] as? [[String: Any]])
        let ef = try EfficientFrontier(expectedReturns: mu, covariance: sigma)
        let points = try ef.frontier(count: Int(try number(golden, "frontierCount")))
        try #require(points.count == expected.count + 1)
        for (point, c) in zip(points.dropFirst(), expected) { try expectMatches(point, c) }
        #expect(zip(points, points.dropFirst()).allSatisfy { $0.performance.volatility < $1.performance.volatility })
    }

    @Test func singularCovarianceIsRejected() throws {
        // Two identical assets: the covariance has a zero eigenvalue.
        let duplicated = try Matrix(rowArrays: [[0.04, 0.04, 0.01], [0.04, 0.04, 0.01], [0.01, 0.01, 0.09]])
        #expect {
            try EfficientFrontier(expectedReturns: [0.1, 0.1, 0.2], covariance: duplicated)
        } throws: { error in
            if case AnalyticsError.singularCovariance = error { return true }
            return false
        }
    }

    @Test func infeasibleConstraintsAreRejected() throws {
        let n = mu.count
        func isInfeasible(_ body: () throws -> Void) -> Bool {
            do {
                try body()
                return false
            } catch AnalyticsError.infeasible {
                return true
            } catch {
                return false
            }
        }
        // Upper bounds summing to less than 1.
        #expect(isInfeasible {
            _ = try EfficientFrontier(expectedReturns: mu, covariance: sigma, constraints: .init(
                lower: .init(repeating: 0, count: n), upper: .init(repeating: 0.04, count: n)))
        })
        // Two groups that together need more than the whole portfolio.
        #expect(isInfeasible {
            var c = PortfolioConstraints.longOnly(assets: n)
            c.groups = [.init(name: "a", members: Array(0..<10), lower: 0.6, upper: 1),
                         .init(name: "b", members: Array(10..<20), lower: 0.6, upper: 1)]
            _ = try EfficientFrontier(expectedReturns: mu, covariance: sigma, constraints: c).minVolatility()
        })
        let ef = try EfficientFrontier(expectedReturns: mu, covariance: sigma)
        #expect(isInfeasible { _ = try ef.efficientReturn(targetReturn: 0.5) })  // above every asset's return
        #expect(isInfeasible { _ = try ef.efficientRisk(targetVolatility: 0.1) })  // below the minimum volatility
        #expect(isInfeasible { _ = try ef.maxSharpe(riskFreeRate: 0.5) })
    }
}
