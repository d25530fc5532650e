public import BourseCore
public import BourseData

extension BacktestConfig {
    /// A configuration over OHLCV CSV files (one instrument each, any layout the generic
    /// importer recognises): instrument `ids[i]` (default `<FILE STEM>.SIM`), an equity-like
    /// instrument quoted in `startingCash`'s currency with a tick at the file's precision and
    /// whole-unit lots.
    public static func csv(
        paths: [String], instrumentIDs: [String] = [], spec: BarSpec, labels: TimestampLabel, startingCash: Money
    ) throws -> BacktestConfig {
        guard !paths.isEmpty else { throw EngineError.configuration("no data file given") }
        guard instrumentIDs.isEmpty || instrumentIDs.count == paths.count else {
            throw EngineError.configuration("give one instrument id per data file (\(paths.count) files, \(instrumentIDs.count) ids)")
        }
        var series: [BarSeries] = []
        for (i, path) in paths.enumerated() {
            let stem = path.split(separator: "/").last.map { String($0.split(separator: ".").first ?? $0) } ?? path
            let id = try InstrumentID(instrumentIDs.isEmpty ? stem.uppercased() + ".SIM" : instrumentIDs[i])
            let options = BarImportOptions(barType: BarType(instrumentID: id, spec: spec), labels: labels)
            series.append(try BarCSVImporter.importBars(path: path, options: options).series)
        }
        return try BacktestConfig(instruments: series.map { try equity($0, currency: startingCash.currency) }, bars: series, startingCash: startingCash)
    }

    /// A configuration over a close-only wide table (`date,AAA,BBB,…`, see
    /// ``WideCloseTableImporter``): one instrument `<COLUMN>.<venue>` per column named in
    /// `columns` (every column when empty), in that order, with bars whose four prices are the
    /// close. Cells are rounded half-even to `tickSize` (repair mode), as such tables are often
    /// written from binary floating point.
    public static func closeTable(
        path: String, columns: [String] = [], venue: String = "SIM", spec: BarSpec, labels: TimestampLabel,
        tickSize: Price, startingCash: Money
    ) throws -> BacktestConfig {
        var options = BarImportOptions(
            barType: BarType(instrumentID: try InstrumentID("COLUMN." + venue), spec: spec), labels: labels, mode: .repair,
            tickSize: tickSize)
        options.rules.reportGaps = false
        let all = try WideCloseTableImporter.importTable(path: path, options: options) { try InstrumentID($0 + "." + venue) }.series
        let series = try columns.isEmpty ? all : columns.map { column in
            guard let found = all.first(where: { $0.barType.instrumentID.symbol.value == column }) else {
                throw EngineError.configuration("\(path): no column '\(column)'; columns: \(all.map(\.barType.instrumentID.symbol.value).joined(separator: ", "))")
            }
            return found
        }
        return try BacktestConfig(instruments: series.map { try equity($0, currency: startingCash.currency) }, bars: series, startingCash: startingCash)
    }

    /// An equity-like instrument for `series`: quoted in `currency`, ticks at the series'
    /// price precision, whole-unit lots.
    private static func equity(_ series: BarSeries, currency: Currency) throws -> Instrument {
        try Instrument(
            id: series.barType.instrumentID, assetClass: .equity, quoteCurrency: currency,
            tickSize: Price(uncheckedRaw: 1, precision: series.pricePrecision), lotSize: Quantity(uncheckedRaw: 1, precision: 0))
    }
}
