import BourseAnalytics
import Testing

/// Risk parity on the 20-stock sample covariance, against riskfolio-lib 7.4.0 (cvxpy) and a
/// scipy-solved reference (`scripts/generate_portfolio_fixtures.py`).
@Suite struct RiskParityTests {
    let golden: [String: Any]
    let sigma: Matrix

    init() throws {
        golden = try Fixture.json("risk_parity_stock_prices_20.json")
        sigma = try RiskModels.sampleCovariance(AssetReturns(prices: Fixture.priceTable("stock_prices_20.csv")))
    }

    @Test(arguments: ["equal", "budgeted"])
    func matchesReferences(name: String) throws {
        let cases = try #require(golden["cases"] as? [[String: Any]])
        let c = try #require(cases.first { $0["name"] as? String == name })
        let budgets = try numbers(c, "budgets")
        let w = try RiskParity.weights(covariance: sigma, budgets: name == "equal" ? nil : budgets.map { $0 * 7 })
        #expect(abs(w.reduce(0, +) - 1) <= 1e-12)
        #expect(w.allSatisfy { $0 > 0 })
        let contributions = try RiskParity.riskContributions(weights: w, covariance: sigma)
        for i in budgets.indices { expectRelative(contributions[i], budgets[i], 1e-9, "\(name) contribution \(i)") }
        // scipy solved the same conditions to 1e-12; riskfolio's conic solver stops near 1e-6.
        let scipy = try numbers(c, "scipyWeights")
        #expect(Vectors.maxAbsDifference(w, scipy) <= 1e-9, "\(name) vs scipy: \(Vectors.maxAbsDifference(w, scipy))")
        let riskfolio = try numbers(c, "riskfolioWeights")
        #expect(Vectors.maxAbsDifference(w, riskfolio) <= 1e-5, "\(name) vs riskfolio: \(Vectors.maxAbsDifference(w, riskfolio))")
    }

    @Test func equalRiskContributionOfUncorrelatedAssetsIsInverseVolatility() throws {
        let sigma = Matrix.diagonal([0.04, 0.01, 0.09])
        let w = try RiskParity.weights(covariance: sigma)
        let inverse = [1 / 0.2, 1 / 0.1, 1 / 0.3]
        let total = inverse.reduce(0, +)
        for i in 0..<3 { expectRelative(w[i], inverse[i] / total, 1e-12, "weight \(i)") }
    }

    @Test func badInputIsATypedError() throws {
        #expect(throws: AnalyticsError.lengthMismatch("2 risk budgets for 3 assets")) {
            try RiskParity.weights(covariance: .identity(3), budgets: [1, 1])
        }
        #expect(throws: AnalyticsError.invalidParameter("risk budget 1 is -1.0; budgets must be positive and finite")) {
            try RiskParity.weights(covariance: .identity(2), budgets: [1, -1])
        }
        let singular = try Matrix(rowArrays: [[1, 1], [1, 1]])
        #expect(throws: AnalyticsError.self) { try RiskParity.weights(covariance: singular) }
        do {
            _ = try RiskParity.weights(covariance: singular)
        } catch {
            guard case .singularCovariance = error else { Issue.record("expected singularCovariance, got \(error)"); return }
        }
    }
}
