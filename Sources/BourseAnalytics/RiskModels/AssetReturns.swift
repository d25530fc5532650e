/// Simple returns of several assets: one row per period, one column per asset, `NaN` where a
/// return is missing.
///
/// Built from a `PriceTable` the way PyPortfolioOpt's `returns_from_prices` does: a return is
/// `pₜ / pₜ₋₁ − 1` of consecutive rows and is missing (`NaN`) if either price is missing (no
/// forward fill); rows where every return is missing (the first row, always) are dropped.
/// Estimators then treat missing values as each documents.
public struct AssetReturns: Sendable {
    /// Column names.
    public let assets: [String]
    /// `periods × assets`, `NaN` = missing.
    public let values: Matrix
    /// Whether any value is missing (lets estimators take the dense BLAS path).
    public let hasMissing: Bool

    /// Returns from a price table.
    /// - Throws: `tooFewObservations` if fewer than 2 periods remain.
    public init(prices: PriceTable) throws(AnalyticsError) {
        let n = prices.assets.count
        var rows = [Double]()
        rows.reserveCapacity(max(prices.prices.count - 1, 0) * n)
        var missing = false
        var periods = 0
        var row = [Double](repeating: .nan, count: n)
        for t in prices.prices.indices.dropFirst() {
            var any = false
            for j in 0..<n {
                if let p = prices.prices[t][j], let q = prices.prices[t - 1][j] {
                    row[j] = p / q - 1
                    any = true
                } else {
                    row[j] = .nan
                }
            }
            guard any else { continue }
            if row.contains(where: \.isNaN) { missing = true }
            rows.append(contentsOf: row)
            periods += 1
        }
        guard periods >= 2 else { throw .tooFewObservations(needed: 2, got: periods) }
        try self.init(
            assets: prices.assets, values: Matrix(uncheckedRows: periods, columns: n, elements: rows), missing: missing)
    }

    /// Returns given directly (`NaN` = missing; infinities are rejected).
    public init(assets: [String], values: Matrix) throws(AnalyticsError) {
        guard values.columns == assets.count else {
            throw .lengthMismatch("\(assets.count) assets for \(values.columns) columns")
        }
        guard values.rows >= 2 else { throw .tooFewObservations(needed: 2, got: values.rows) }
        if let i = values.elements.firstIndex(where: { $0.isInfinite }) {
            throw .nonFiniteValue(what: "return of \(assets[i % assets.count])", index: i / assets.count)
        }
        try self.init(assets: assets, values: values, missing: values.elements.contains(where: \.isNaN))
    }

    private init(assets: [String], values: Matrix, missing: Bool) throws(AnalyticsError) {
        self.assets = assets
        self.values = values
        self.hasMissing = missing
        for j in 0..<assets.count {
            let present = (0..<values.rows).reduce(0) { $0 + (values[$1, j].isNaN ? 0 : 1) }
            guard present >= 2 else {
                throw .tooFewObservations(needed: 2, got: present)
            }
        }
    }

    /// Number of periods.
    public var periods: Int { values.rows }

    /// The non-missing returns of asset `j`.
    func present(_ j: Int) -> [Double] {
        (0..<values.rows).compactMap { values[$0, j].isNaN ? nil : values[$0, j] }
    }
}
