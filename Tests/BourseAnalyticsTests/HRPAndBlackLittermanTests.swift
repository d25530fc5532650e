import BourseAnalytics
import Testing

/// HRP and Black–Litterman against PyPortfolioOpt 1.6.0 (`scripts/generate_analytics_fixtures.py portfolio`).
@Suite struct HRPAndBlackLittermanTests {
    let golden: [String: Any]

    init() throws {
        golden = try Fixture.json("optimizers_stock_prices_20.json")
    }

    @Test func hierarchicalRiskParityMatchesHRPOpt() throws {
        let expected = try #require(golden["hrp"] as? [String: Any])
        // PyPortfolioOpt's input: daily returns with every row that has a missing value dropped.
        let all = try AssetReturns(prices: Fixture.priceTable("stock_prices_20.csv"))
        let n = all.assets.count
        let complete = (0..<all.periods).filter { t in (0..<n).allSatisfy { !all.values[t, $0].isNaN } }
        let returns = try AssetReturns(
            assets: all.assets,
            values: Matrix(rows: complete.count, columns: n, elements: complete.flatMap { all.values.row($0) }))
        let daily = try RiskModels.sampleCovariance(returns, frequency: 1)
        let weights = try HierarchicalRiskParity.weights(covariance: daily)
        let worst = Vectors.maxAbsDifference(weights, try numbers(expected, "weights"))
        #expect(worst <= 1e-4, "HRP weights differ by \(worst)")
        #expect(abs(weights.reduce(0, +) - 1) < 1e-12)
        let performance = try PortfolioPerformance(
            weights: weights, expectedReturns: ExpectedReturns.meanHistorical(returns, compounding: false),
            covariance: RiskModels.sampleCovariance(returns))
        expectRelative(performance.expectedReturn, try number(expected, "expectedReturn"), 1e-6, "HRP return")
        expectRelative(performance.volatility, try number(expected, "volatility"), 1e-6, "HRP volatility")
        expectRelative(performance.sharpeRatio, try number(expected, "sharpe"), 1e-6, "HRP Sharpe")
    }

    @Test(arguments: ["default", "idzorek"])
    func blackLittermanPosteriorMatchesPyPortfolioOpt(omega: String) throws {
        let bl = try #require(golden["blackLitterman"] as? [String: Any])
        let returns = try AssetReturns(prices: Fixture.priceTable("stock_prices_20.csv"))
        let sigma = try RiskModels.sampleCovariance(returns)
        let prior = try BlackLitterman.marketImpliedPrior(
            marketCaps: numbers(bl, "caps"), riskAversion: number(bl, "riskAversion"), covariance: sigma)
        for (a, e) in zip(prior, try numbers(bl, "prior")) { expectRelative(a, e, 1e-9, "prior") }
        let n = returns.assets.count
        let aapl = try #require(returns.assets.firstIndex(of: "AAPL"))
        let jpm = try #require(returns.assets.firstIndex(of: "JPM"))
        let bac = try #require(returns.assets.firstIndex(of: "BAC"))
        let q = try numbers(bl, "Q")
        let confidences: [Double?] = omega == "idzorek" ? try numbers(bl, "confidences") : [nil, nil]
        let views: [BlackLitterman.View] = [
            .absolute(asset: aapl, assets: n, expectedReturn: q[0], confidence: confidences[0]),
            .relative(outperformer: jpm, underperformer: bac, assets: n, spread: q[1], confidence: confidences[1]),
        ]
        let posterior = try BlackLitterman(covariance: sigma, prior: prior, views: views)
        for (a, e) in zip(posterior.posteriorReturns, try numbers(bl, "\(omega)Returns")) {
            expectRelative(a, e, 1e-9, "posterior return")
        }
        let expectedCov = try Matrix(rowArrays: try #require(bl["\(omega)Covariance"] as? [[Double]]))
        let scale = expectedCov.elements.reduce(0) { max($0, abs($1)) }
        #expect(Vectors.maxAbsDifference(posterior.posteriorCovariance.elements, expectedCov.elements) / scale <= 1e-9)
    }

    @Test func blackLittermanRejectsBadViews() throws {
        let sigma = try Matrix(rowArrays: [[0.04, 0.01], [0.01, 0.09]])
        #expect(throws: AnalyticsError.invalidParameter("view 0 confidence 1.5 is outside [0, 1]")) {
            try BlackLitterman(covariance: sigma, prior: [0.05, 0.07], views: [.absolute(asset: 0, assets: 2, expectedReturn: 0.1, confidence: 1.5)])
        }
        // Two identical views held with full confidence: A = P τΣ Pᵀ + 0 is singular.
        let certain = BlackLitterman.View.absolute(asset: 0, assets: 2, expectedReturn: 0.1, confidence: 1)
        #expect {
            try BlackLitterman(covariance: sigma, prior: [0.05, 0.07], views: [certain, certain])
        } throws: { error in
            if case AnalyticsError.singularCovariance = error { return true }
            return false
        }
    }
}
