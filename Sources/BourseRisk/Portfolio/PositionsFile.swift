public import BourseCore
import Foundation

/// A portfolio's open positions as CSV text, one instrument per line, for `bourse risk`:
///
/// ```
/// instrument,quantity,price,currency,asset_class,tags
/// GOOG.NASDAQ,100,150.00,USD,equity,tech;growth
/// SAP.XETRA,-50,120.50,EUR,equity,tech
/// ```
///
/// `instrument`, `quantity` (negative = short) and `price` are required; `currency` defaults to
/// the portfolio's base currency, `asset_class` to `equity`, `tags` (`;`-separated) to none. The
/// tick size and lot size are one unit of the last decimal written in the price and quantity.
public struct PositionsFile: Sendable {
    /// One position: the instrument as the file describes it, its signed quantity and last price.
    public struct Row: Sendable {
        public let instrument: Instrument
        public let signedQuantityRaw: Int64
        public let price: Price
        /// The 1-based line in the file.
        public let line: Int
    }

    public let path: String
    public let rows: [Row]

    /// Parses `text` read from `path` (used in errors); currencies default to `baseCurrency`.
    /// - Throws: ``PositionsFileError`` naming the file, the line and the field.
    public init(text: String, path: String, baseCurrency: Currency) throws(PositionsFileError) {
        self.path = path
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { ($0 + 1, $1) }
            .filter { !$0.1.trimmingCharacters(in: .whitespaces).isEmpty && !$0.1.hasPrefix("#") }
        guard !lines.isEmpty else { throw PositionsFileError(path: path, line: 1, reason: "no header line") }
        let header = lines.removeFirst()
        let columns = header.1.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        func column(_ name: String) -> Int? { columns.firstIndex(of: name) }
        guard let id = column("instrument"), let quantity = column("quantity"), let price = column("price") else {
            throw PositionsFileError(path: path, line: header.0, reason: "the header must name instrument, quantity and price, got \(columns)")
        }
        var rows: [Row] = []
        var seen: Set<InstrumentID> = []
        for (number, line) in lines {
            func fail(_ reason: String) -> PositionsFileError { PositionsFileError(path: path, line: number, reason: reason) }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == columns.count else { throw fail("\(cells.count) fields, the header has \(columns.count)") }
            func cell(_ name: String) -> String? { column(name).map { cells[$0] }.flatMap { $0.isEmpty ? nil : $0 } }
            let row = try Self.row(cells[id], cells[quantity], cells[price], currency: cell("currency"), assetClass: cell("asset_class"),
                tags: cell("tags"), base: baseCurrency, line: number, fail: fail)
            guard seen.insert(row.instrument.id).inserted else { throw fail("\(row.instrument.id) is listed twice") }
            rows.append(row)
        }
        self.rows = rows
    }

    private static func row(
        _ idText: String, _ quantityText: String, _ priceText: String, currency: String?, assetClass: String?, tags: String?,
        base: Currency, line: Int, fail: (String) -> PositionsFileError
    ) throws(PositionsFileError) -> Row {
        guard let id = try? InstrumentID(idText) else { throw fail("instrument '\(idText)' is not SYMBOL.VENUE") }
        let negative = quantityText.hasPrefix("-")
        guard let magnitude = try? Quantity(parsing: negative ? String(quantityText.dropFirst()) : quantityText) else {
            throw fail("quantity '\(quantityText)' is not a decimal number")
        }
        guard let price = try? Price(parsing: priceText), price.raw > 0 else { throw fail("price '\(priceText)' is not a positive decimal number") }
        guard let quote = currency.map({ try? Currency.named($0) }) ?? base else { throw fail("unknown currency '\(currency ?? "")'") }
        guard let asset = assetClass.map({ AssetClass(rawValue: $0) }) ?? .equity else {
            throw fail("unknown asset class '\(assetClass ?? "")'")
        }
        guard asset != .future else { throw fail("futures need an expiry, which a positions file does not carry") }
        do {
            let instrument = try Instrument(
                id: id, assetClass: asset, quoteCurrency: quote, tickSize: Price(uncheckedRaw: 1, precision: price.precision),
                lotSize: Quantity(uncheckedRaw: 1, precision: magnitude.precision),
                tags: tags.map { $0.split(separator: ";").map(String.init) } ?? [])
            return Row(instrument: instrument, signedQuantityRaw: negative ? -magnitude.raw : magnitude.raw, price: price, line: line)
        } catch {
            throw fail("\(error)")
        }
    }

    /// A portfolio holding these positions at these prices, with the given account figures and rates.
    /// - Throws: ``PositionsFileError`` for a position the portfolio refuses (overflow…), naming its line.
    public func portfolio(
        equity: Money, freeCash: Money? = nil, exchangeRates: [(Currency, Price)] = []
    ) throws(PositionsFileError) -> PortfolioSnapshot {
        var line = 0
        do throws(PortfolioError) {
            var portfolio = try PortfolioSnapshot(baseCurrency: equity.currency, equity: equity, freeCash: freeCash)
            for (currency, rate) in exchangeRates { try portfolio.setExchangeRate(currency, rate) }
            for row in rows {
                line = row.line
                try portfolio.register(row.instrument)
                try portfolio.updatePrice(row.instrument.id, row.price)
                try portfolio.updatePosition(row.instrument.id, signedQuantityRaw: row.signedQuantityRaw)
            }
            return portfolio
        } catch {
            throw PositionsFileError(path: path, line: line, reason: "\(error)")
        }
    }
}

/// A positions file that cannot be read: the file, the 1-based line (0 for the account figures) and the reason.
public struct PositionsFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let reason: String

    public var description: String { "\(path):\(line): \(reason)" }
}
