public import Foundation

/// Imports Binance klines: the 12-field arrays `[openTime, open, high, low, close, volume,
/// closeTime, quoteVolume, trades, takerBuyBase, takerBuyQuote, ignore]`, from the REST
/// API's JSON or the public-data CSV files. The open time labels each bar (ms, or µs in
/// files since 2025, told apart by digit count), so `labels` should be `.open`.
public enum BinanceKlinesImporter {
    /// Imports a klines CSV file (with or without a header).
    public static func importCSV(path: String, options: BarImportOptions) throws(DataImportError) -> BarImport {
        try BarCSVImporter.importBars(path: path, layout: .binanceKlines, options: options)
    }

    /// Imports a klines JSON file (an array of arrays).
    public static func importJSON(path: String, options: BarImportOptions) throws(DataImportError) -> BarImport {
        try importJSON(data: DataFile.bytes(path), fileName: DataFile.name(path), options: options)
    }

    /// Imports klines JSON bytes.
    public static func importJSON(data: Data, fileName: String, options: BarImportOptions) throws(DataImportError) -> BarImport {
        try DataFile.withBase(data) { (base, count) throws(DataImportError) in
            var builder = try BarRowBuilder(
                file: fileName, options: options, names: ["open time", "open", "high", "low", "close", "volume", "-"])
            let document = try JSONBars.parse(base, count, fileName)
            guard case .array(let rows) = document else {
                throw JSONBars.failure(fileName, 1, "expected an array of kline arrays")
            }
            var lines = LineCounter(base: base, count: count)
            for row in rows {
                guard case .array(let f) = row, f.count >= 6, let t = f[0].range, let o = f[1].range, let h = f[2].range,
                    let l = f[3].range, let c = f[4].range, let v = f[5].range
                else {
                    builder.reject(line: lines.line, column: nil, .fieldCount, "a kline needs at least 6 fields")
                    continue
                }
                builder.append(line: lines.advance(to: t.start), base: base, BarRowFields(timestamp: t, prices: (o, h, l, c), volume: v))
                if builder.isFull { break }
            }
            return try builder.finishSeries().0
        }
    }
}

/// Shared JSON helpers for the bar importers.
enum JSONBars {
    static func parse(_ base: UnsafePointer<UInt8>, _ count: Int, _ fileName: String) throws(DataImportError) -> JSONNode {
        guard count > 0 else { throw failure(fileName, 1, "the file is empty", kind: .emptyFile) }
        var reader = JSONReader(base: base, count: count)
        do {
            return try reader.document()
        } catch {
            throw failure(fileName, error.line, error.reason)
        }
    }

    static func failure(_ file: String, _ line: Int, _ reason: String, kind: DataIssue.Kind = .badJSON) -> DataImportError {
        .invalid(file: file, issues: [DataIssue(file: file, line: line, column: nil, kind: kind, reason: reason)])
    }
}

/// Line numbers of increasing byte offsets, counted incrementally.
struct LineCounter {
    let base: UnsafePointer<UInt8>
    let count: Int
    private var offset = 0
    private(set) var line = 1

    init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    /// The line of `target` (offsets must not go backwards).
    mutating func advance(to target: Int) -> Int {
        while offset < min(target, count) {
            if base[offset] == 0x0A { line += 1 }
            offset += 1
        }
        return line
    }
}
