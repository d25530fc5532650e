import BourseAnalytics
import Testing

/// Golden values from PyPortfolioOpt 1.6.0 (scikit-learn for Ledoit–Wolf) on the 20-stock file,
/// which has missing prices before listings (`scripts/generate_analytics_fixtures.py portfolio`).
@Suite struct RiskModelTests {
    let golden: [String: Any]
    let returns: AssetReturns

    init() throws {
        golden = try Fixture.json("risk_models_stock_prices_20.json")
        returns = try AssetReturns(prices: Fixture.priceTable("stock_prices_20.csv"))
    }

    func expectMatrix(_ actual: Matrix, _ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let rows = try #require(golden[key] as? [[Double]])
        let expected = try Matrix(rowArrays: rows)
        let scale = expected.elements.reduce(0) { max($0, abs($1)) }
        let worst = Vectors.maxAbsDifference(actual.elements, expected.elements) / scale
        #expect(actual.rows == expected.rows && actual.columns == expected.columns, sourceLocation: sourceLocation)
        #expect(worst <= 1e-9, "\(key): max error \(worst) relative to the largest entry", sourceLocation: sourceLocation)
    }

    func expectVector(_ actual: Vector, _ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try numbers(golden, key)
        try #require(actual.count == expected.count)
        for (a, e) in zip(actual, expected) { expectRelative(a, e, 1e-9, key, sourceLocation: sourceLocation) }
    }

    @Test func assetsAndMissingData() throws {
        #expect(returns.assets == golden["assets"] as? [String])
        #expect(returns.hasMissing)
    }

    @Test func expectedReturnsMatchPyPortfolioOpt() throws {
        try expectVector(ExpectedReturns.meanHistorical(returns), "meanHistoricalCompounded")
        try expectVector(ExpectedReturns.meanHistorical(returns, compounding: false), "meanHistoricalArithmetic")
        try expectVector(ExpectedReturns.exponentiallyWeighted(returns), "emaCompounded")
        try expectVector(ExpectedReturns.exponentiallyWeighted(returns, span: 250, compounding: false), "emaArithmetic")
    }

    @Test func covariancesMatchPyPortfolioOpt() throws {
        try expectMatrix(RiskModels.sampleCovariance(returns), "sampleCovariance")
        try expectMatrix(RiskModels.exponentialCovariance(returns), "exponentialCovariance")
        try expectMatrix(RiskModels.semicovariance(returns), "semicovariance")
        let (lw, shrinkage) = try RiskModels.ledoitWolf(returns)
        try expectMatrix(lw, "ledoitWolf")
        expectRelative(shrinkage, try number(golden, "ledoitWolfShrinkage"), 1e-9, "shrinkage")
    }

    @Test func denseAndPairwisePathsAgree() throws {
        // Rows where every asset trades: the BLAS path (no missing values) must equal pairwise deletion.
        let complete = try Fixture.priceTable("stock_prices_20.csv").droppingIncompleteRows()
        let dense = try AssetReturns(prices: complete)
        #expect(!dense.hasMissing)
        var withGap = dense.values
        // Blank the first row of every asset but the first: forces the pairwise path, and pairs not
        // involving asset 0 then use exactly the remaining rows.
        for j in 1..<dense.assets.count { withGap[0, j] = .nan }
        let trimmed = try Matrix(rows: dense.periods - 1, columns: dense.assets.count, elements: Array(dense.values.elements.dropFirst(dense.assets.count)))
        let pairwise = try RiskModels.sampleCovariance(AssetReturns(assets: dense.assets, values: withGap))
        let blas = try RiskModels.sampleCovariance(AssetReturns(assets: dense.assets, values: trimmed))
        for i in 1..<dense.assets.count {
            for j in 1..<dense.assets.count {
                expectRelative(pairwise[i, j], blas[i, j], 1e-12, "pairwise vs BLAS")
            }
        }
    }

    @Test func badInputIsRejected() throws {
        // NaN prices are refused while reading (file line given), missing cells are fine.
        #expect(throws: PriceTableParseError(line: 3, reason: "B: 'nan' is not a number")) {
            try PriceTable(csv: "date,A,B\n2020-01-01,1,2\n2020-01-02,1.1,nan\n")
        }
        #expect(throws: PriceTableParseError(line: 2, reason: "A: price -1.0 is not positive")) {
            try PriceTable(csv: "date,A\n2020-01-01,-1\n")
        }
        // Too few observations.
        let short = try PriceTable(csv: "date,A,B\n2020-01-01,1,2\n2020-01-02,1.1,2.1\n")
        #expect(throws: AnalyticsError.tooFewObservations(needed: 2, got: 1)) { try AssetReturns(prices: short) }
        let sparse = try PriceTable(csv: "date,A,B\n1,1,\n2,1.1,\n3,1.2,2\n4,1.3,2.2\n")
        #expect(throws: AnalyticsError.tooFewObservations(needed: 2, got: 1)) { try AssetReturns(prices: sparse) }
    }
}
