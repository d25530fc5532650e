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
        var instruments: [Instrument] = []
        var series: [BarSeries] = []
        for (i, path) in paths.enumerated() {
            let stem = path.split(separator: "/").last.map { String($0.split(separator: ".").first ?? $0) } ?? path
            let id = try InstrumentID(instrumentIDs.isEmpty ? stem.uppercased() + ".SIM" : instrumentIDs[i])
            let options = BarImportOptions(barType: BarType(instrumentID: id, spec: spec), labels: labels)
            let imported = try BarCSVImporter.importBars(path: path, options: options).series
            instruments.append(
                try Instrument(
                    id: id, assetClass: .equity, quoteCurrency: startingCash.currency,
                    tickSize: Price(uncheckedRaw: 1, precision: imported.pricePrecision),
                    lotSize: Quantity(uncheckedRaw: 1, precision: 0)))
            series.append(imported)
        }
        return try BacktestConfig(instruments: instruments, bars: series, startingCash: startingCash)
    }
}
