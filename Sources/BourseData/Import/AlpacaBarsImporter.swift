public import Foundation

/// Imports Alpaca market-data bars JSON: `{"bars": [{"t", "o", "h", "l", "c", "v", "n", "vw"}],
/// "symbol", "next_page_token"}` (or `"bars": {"AAPL": [...]}` for the multi-symbol
/// endpoint). Several page files (following `next_page_token`) are imported as one
/// series, in the order given. `t` is the bar's open time (RFC 3339), so `labels`
/// should be `.open`.
public enum AlpacaBarsImporter {
    /// Imports one or more page files; `symbol` picks the series in multi-symbol responses.
    public static func importPages(paths: [String], symbol: String? = nil, options: BarImportOptions) throws(DataImportError) -> BarImport {
        var pages: [(String, Data)] = []
        for path in paths { pages.append((DataFile.name(path), try DataFile.bytes(path))) }
        return try importPages(pages, symbol: symbol, options: options)
    }

    /// Imports page bytes: `(fileName, data)` pairs in page order.
    public static func importPages(_ pages: [(String, Data)], symbol: String? = nil, options: BarImportOptions) throws(DataImportError) -> BarImport {
        guard !pages.isEmpty else { throw .unsupported("no Alpaca page files given") }
        let name = pages.map(\.0).joined(separator: "+")
        var joined = Data()
        var offsets: [Int] = []
        for (_, data) in pages {
            offsets.append(joined.count)
            joined.append(data)
        }
        return try DataFile.withBase(joined) { (base, _) throws(DataImportError) in
            var builder = try BarRowBuilder(file: name, options: options, names: ["t", "o", "h", "l", "c", "v", "-"])
            for (k, (fileName, data)) in pages.enumerated() {
                let pageBase = base + offsets[k]
                let document = try JSONBars.parse(pageBase, data.count, fileName)
                guard let barsNode = document["bars"] else { throw JSONBars.failure(fileName, 1, "no \"bars\" member") }
                let bars: JSONNode
                switch barsNode {
                case .array: bars = barsNode
                case .null: continue
                case .object(let symbols, let series):
                    guard let k = symbol.flatMap({ symbols.firstIndex(of: $0) }) ?? (symbols.count == 1 ? 0 : nil) else {
                        throw JSONBars.failure(fileName, 1, "\"bars\" holds \(symbols.joined(separator: ", ")); name one")
                    }
                    bars = series[k]
                default: throw JSONBars.failure(fileName, 1, "\"bars\" is not an array")
                }
                guard case .array(let rows) = bars else { throw JSONBars.failure(fileName, 1, "\"bars\" is not an array") }
                var lines = LineCounter(base: pageBase, count: data.count)
                for row in rows {
                    guard let t = row["t"]?.range, let o = row["o"]?.range, let h = row["h"]?.range, let l = row["l"]?.range,
                        let c = row["c"]?.range
                    else {
                        builder.reject(line: lines.line, column: nil, .missingColumn, "\(fileName): a bar lacks t, o, h, l or c")
                        continue
                    }
                    let shift = offsets[k]
                    func abs(_ r: FieldRange) -> FieldRange { (r.start + shift, r.end + shift) }
                    builder.append(
                        line: lines.advance(to: t.start), base: base,
                        BarRowFields(timestamp: abs(t), prices: (abs(o), abs(h), abs(l), abs(c)), volume: row["v"]?.range.map(abs)))
                    if builder.isFull { break }
                }
            }
            return try builder.finishSeries().0
        }
    }
}
