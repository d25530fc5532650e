/// Prices of several assets on common dates: one row per date, one column per asset, with
/// `nil` where an asset has no price (before its listing, after a delisting).
///
/// The shape PyPortfolioOpt reads: a CSV whose first column is the date and whose other
/// columns are prices, an empty cell meaning "no price".
public struct PriceTable: Sendable, Equatable {
    /// Row labels (dates as written in the source).
    public let dates: [String]
    /// Column names.
    public let assets: [String]
    /// `prices[row][column]`, `nil` where missing. Present prices are finite and positive.
    public let prices: [[Double?]]

    /// A table from values.
    /// - Throws: `lengthMismatch`, `nonFiniteValue` (NaN where a price should be; use `nil` for
    ///   missing), `nonPositivePrice`.
    public init(dates: [String], assets: [String], prices: [[Double?]]) throws(AnalyticsError) {
        guard dates.count == prices.count else {
            throw .lengthMismatch("\(dates.count) dates for \(prices.count) rows")
        }
        for (r, row) in prices.enumerated() {
            guard row.count == assets.count else {
                throw .lengthMismatch("row \(r) has \(row.count) prices for \(assets.count) assets")
            }
            for (c, value) in row.enumerated() {
                guard let value else { continue }
                guard value.isFinite else { throw .nonFiniteValue(what: "price of \(assets[c])", index: r) }
                guard value > 0 else { throw .nonPositivePrice(asset: assets[c], row: r) }
            }
        }
        self.dates = dates
        self.assets = assets
        self.prices = prices
    }

    /// The prices of one asset, `nil` where missing.
    public func column(_ asset: String) -> [Double?]? {
        assets.firstIndex(of: asset).map { c in prices.map { $0[c] } }
    }

    /// A table with only the named assets, in that order.
    public func selecting(_ names: [String]) throws(AnalyticsError) -> PriceTable {
        var indices = [Int]()
        for name in names {
            guard let i = assets.firstIndex(of: name) else { throw .invalidParameter("no asset named \(name)") }
            indices.append(i)
        }
        return try PriceTable(dates: dates, assets: names, prices: prices.map { row in indices.map { row[$0] } })
    }

    /// Only the rows where every asset has a price.
    public func droppingIncompleteRows() -> PriceTable {
        let keep = prices.indices.filter { !prices[$0].contains(nil) }
        return PriceTable(trusted: keep.map { dates[$0] }, assets, keep.map { prices[$0] })
    }

    private init(trusted dates: [String], _ assets: [String], _ prices: [[Double?]]) {
        self.dates = dates
        self.assets = assets
        self.prices = prices
    }
}
