/// The bar file formats the importers read, by name (`bourse data import --format …`).
public enum BarImportFormat: String, Sendable, CaseIterable {
    /// OHLCV CSV with a header naming the columns (``BarCSVImporter``).
    case generic
    /// Yahoo Finance daily CSV (``YahooImporter``).
    case yahoo
    /// Binance klines CSV (the public-data files, ``BinanceKlinesImporter``).
    case binance
    /// Binance klines JSON (the REST `GET /api/v3/klines` response).
    case binanceJSON = "binance-json"
    /// Alpaca bars JSON pages (the REST `GET /v2/stocks/{symbol}/bars` responses, ``AlpacaBarsImporter``).
    case alpaca
    /// A Bourse bar file (``BarFile``, checksum verified), as `bourse data export` writes it;
    /// it must hold the series asked for.
    case bars

    /// The label these files give their bars, when the format fixes it: Binance and
    /// Alpaca stamp the open time; Yahoo's dates name whole days (either label gives
    /// the same close time).
    public var labels: TimestampLabel? {
        switch self {
        case .binance, .binanceJSON, .alpaca, .yahoo: .open
        case .generic, .bars: nil
        }
    }

    /// Imports `paths` in this format (several paths only for Alpaca's pages).
    /// `adjust` applies Yahoo's adjusted close (ignored by the other formats).
    public func importBars(paths: [String], options: BarImportOptions, adjust: Bool = false) throws(DataImportError) -> BarImport {
        if self != .alpaca && paths.count != 1 {
            throw .unsupported("the \(rawValue) format imports one file at a time (got \(paths.count))")
        }
        switch self {
        case .generic: return try BarCSVImporter.importBars(path: paths[0], options: options)
        case .yahoo: return try YahooImporter.importBars(path: paths[0], adjust: adjust, options: options)
        case .binance: return try BinanceKlinesImporter.importCSV(path: paths[0], options: options)
        case .binanceJSON: return try BinanceKlinesImporter.importJSON(path: paths[0], options: options)
        case .alpaca: return try AlpacaBarsImporter.importPages(paths: paths, options: options)
        case .bars:
            let series: BarSeries
            do { series = try BarFile(path: paths[0]).series() } catch { throw .unreadable(path: paths[0], reason: error.description) }
            guard series.barType == options.barType else {
                throw .unsupported("\(paths[0]) holds \(series.barType), not \(options.barType)")
            }
            var report = ImportReport()
            report.rowsRead = series.count
            report.rowsKept = series.count
            return BarImport(series: series, report: report)
        }
    }
}
