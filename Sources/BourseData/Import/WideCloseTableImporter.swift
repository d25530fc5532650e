public import BourseCore
public import Foundation

/// Imports a "close-only wide table": a date column and one close-price column per
/// symbol (`date,GOOG,AAPL,…`), as Yahoo adjusted-close exports and portfolio
/// libraries ship them. Each column becomes its own series of bars with
/// `open = high = low = close` and volume 0. An empty cell means "no price that day"
/// (before a listing, after a delisting) and adds no bar to that column's series.
///
/// Such tables are often written from `float64` values with up to 17 significant
/// digits (`10.970438003540039`); in strict mode give a `tickSize` and expect
/// `excessPrecision` errors, or use repair mode, which rounds half-even to the tick and
/// reports every rounded cell.
public enum WideCloseTableImporter {
    /// The series of each column, in column order.
    public struct Result: Sendable {
        public var series: [BarSeries]
        public var report: ImportReport
    }

    /// Imports the file at `path`; `instrumentID` maps a column header to an instrument.
    /// `options.barType.instrumentID` is replaced by it for every column.
    public static func importTable(
        path: String, options: BarImportOptions, instrumentID: (String) throws -> InstrumentID
    ) throws -> Result {
        try importTable(data: DataFile.bytes(path), fileName: DataFile.name(path), options: options, instrumentID: instrumentID)
    }

    public static func importTable(
        data: Data, fileName: String, options: BarImportOptions, instrumentID: (String) throws -> InstrumentID
    ) throws -> Result {
        // Parse the header once to learn the columns, then import each column as an
        // OHLC series whose four prices are the same field.
        let header: [String] = try DataFile.withBase(data) { (base, count) throws(DataImportError) in
            var scanner = CSVScanner(base: base, count: count, commentByte: UInt8(ascii: "#"))
            guard scanner.nextRow() else {
                throw .invalid(file: fileName, issues: [DataIssue(file: fileName, line: 1, column: nil, kind: .emptyFile, reason: "the file has no rows")])
            }
            return (0..<scanner.fieldCount).map { scanner.text($0).trimmed }
        }
        guard header.count >= 2 else {
            throw DataImportError.invalid(
                file: fileName,
                issues: [DataIssue(file: fileName, line: 1, column: nil, kind: .missingColumn, reason: "need a date column and at least one price column")])
        }
        var result = Result(series: [], report: ImportReport())
        for k in 1..<header.count {
            var columnOptions = options
            columnOptions.barType = BarType(instrumentID: try instrumentID(header[k]), spec: options.barType.spec)
            var layout = CSVBarLayout()
            layout.header = .present
            layout.timestamp = .index(0)
            layout.open = .index(k)
            layout.high = .index(k)
            layout.low = .index(k)
            layout.close = .index(k)
            let imported = try BarCSVImporter.importBars(
                data: data, fileName: fileName, layout: layout, options: columnOptions, skippingEmptyColumn: k)
            result.series.append(imported.series)
            result.report.rowsRead = max(result.report.rowsRead, imported.report.rowsRead)
            result.report.rowsKept += imported.report.rowsKept
            result.report.warnings += imported.report.warnings
            result.report.repairs += imported.report.repairs
        }
        return result
    }
}
