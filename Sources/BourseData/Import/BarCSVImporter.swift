public import Foundation

/// Imports OHLCV bars from CSV text, exactly: each field goes from bytes to a
/// fixed-point raw value with no `Double` on the way. Handles a UTF-8 BOM, CRLF,
/// quoted fields, comment lines and trailing empty lines.
///
/// ```swift
/// var options = BarImportOptions(barType: BarType(instrumentID: id, spec: .oneMinute), labels: .open)
/// let result = try BarCSVImporter.importBars(path: "GBPUSD_1m_bid_2012-02.csv", options: options)
/// ```
public enum BarCSVImporter {
    /// Data rows between two progress calls.
    static let progressStep = 65_536

    /// Imports the file at `path`. Throws ``DataImportError``: `.invalid` names file, line,
    /// column and reason of up to 20 problems in strict mode.
    public static func importBars(
        path: String, layout: CSVBarLayout = CSVBarLayout(), options: BarImportOptions
    ) throws(DataImportError) -> BarImport {
        try importBars(data: DataFile.bytes(path), fileName: DataFile.name(path), layout: layout, options: options)
    }

    /// Imports CSV bytes already in memory; `fileName` names them in messages.
    public static func importBars(
        data: Data, fileName: String, layout: CSVBarLayout = CSVBarLayout(), options: BarImportOptions
    ) throws(DataImportError) -> BarImport {
        try importWithExtra(data: data, fileName: fileName, layout: layout, options: options).0
    }

    /// Imports, leaving out rows whose field `skippingEmptyColumn` is empty (wide tables).
    static func importBars(
        data: Data, fileName: String, layout: CSVBarLayout, options: BarImportOptions, skippingEmptyColumn: Int
    ) throws(DataImportError) -> BarImport {
        try importWithExtra(data: data, fileName: fileName, layout: layout, options: options, skipEmpty: skippingEmptyColumn).0
    }

    /// Imports the CSV file at `csv` straight into a bar file at `barFile` (see ``BarFile``),
    /// without an in-memory series: rows are parsed, checked and written into the memory-mapped
    /// file in one pass, its checksum computed on the way. Same rules and errors as
    /// ``importBars(path:layout:options:)``; on any error nothing is left at `barFile`.
    /// Returns the report (rows read and kept, warnings, repairs). A layout's extra price
    /// column is read and checked but not stored (a bar file holds OHLCV only).
    public static func importBarFile(
        path csv: String, to barFile: String, layout: CSVBarLayout = CSVBarLayout(), options: BarImportOptions
    ) throws(DataImportError) -> ImportReport {
        let data = try DataFile.bytes(csv)
        return try DataFile.withBase(data) { (base, count) throws(DataImportError) in
            let (output, report, _) = try read(base, count, fileName: DataFile.name(csv), layout: layout, options: options) {
                (dataStart, _) throws(DataImportError) in
                // Rows ≤ line breaks (+ 1 for a last line without one): room for every row, exact for a clean file.
                let unterminated = count > 0 && base[count - 1] != 0x0A && base[count - 1] != 0x0D
                let capacity = LineBreaks.count(base, from: dataStart, to: count) + (unterminated ? 1 : 0)
                do throws(BarFileError) {
                    return try BarFileOutput(
                        path: barFile, barType: options.barType, pricePrecision: options.initialPricePrecision,
                        sizePrecision: options.initialSizePrecision, capacity: capacity)
                } catch { throw .unwritable(path: barFile, reason: error.description) }
            }
            do throws(BarFileError) { try output.commit() } catch { throw .unwritable(path: barFile, reason: error.description) }
            return report
        }
    }

    /// The import and the extra price column (aligned with the series rows).
    /// (`onePass: false` reads every row field by field: the tests' reference.)
    static func importWithExtra(
        data: Data, fileName: String, layout: CSVBarLayout, options: BarImportOptions, skipEmpty: Int? = nil, onePass: Bool = true
    ) throws(DataImportError) -> (BarImport, extra: [Int64]) {
        try DataFile.withBase(data) { (base, count) throws(DataImportError) in
            var (sink, report, extra) = try read(
                base, count, fileName: fileName, layout: layout, options: options, skipEmpty: skipEmpty, onePass: onePass
            ) {
                (dataStart, firstRowEnd) throws(DataImportError) in
                var sink = BarSeriesSink(options: options)
                // Room for the rows, estimated from the first data row's length (a 25% margin, at most 32 Mi rows).
                sink.reserveCapacity(min((count - dataStart) / max(firstRowEnd - dataStart, 1) * 5 / 4 + 16, 1 << 25))
                return sink
            }
            return (BarImport(series: sink.finish(), report: report), extra)
        }
    }

    /// Reads the rows of `[0, count)` of `base` into the sink `makeSink` returns once the header
    /// is read (given the offsets where the first data row starts and ends). Rows of the plain form
    /// `timestamp,open,high,low,close[,volume]` are read in one pass (``CSVScanner/nextBarRow(limit:volume:into:_:)``),
    /// any other row field by field. The sink is discarded when the import fails.
    static func read<Sink: BarRowSink>(
        _ base: UnsafePointer<UInt8>, _ count: Int, fileName: String, layout: CSVBarLayout, options: BarImportOptions,
        skipEmpty: Int? = nil, onePass: Bool = true, makeSink: (_ dataStart: Int, _ firstRowEnd: Int) throws(DataImportError) -> Sink
    ) throws(DataImportError) -> (sink: Sink, report: ImportReport, extra: [Int64]) {
        var scanner = CSVScanner(base: base, count: count, delimiter: layout.delimiter, commentByte: layout.commentByte)
        func fail(_ line: Int, _ column: String?, _ kind: DataIssue.Kind, _ reason: String) -> DataImportError {
            .invalid(file: fileName, issues: [DataIssue(file: fileName, line: line, column: column, kind: kind, reason: reason)])
        }
        guard scanner.nextRow() else { throw fail(1, nil, .emptyFile, "the file has no rows") }
        let hasHeader = isHeader(scanner, layout: layout, format: options.timestampFormat)
        let headerLine = scanner.line
        let header = hasHeader ? (0..<scanner.fieldCount).map { scanner.text($0).trimmed.lowercased() } : []
        let columns = try resolve(layout: layout, header: header, fieldCount: scanner.fieldCount) { role, wanted throws(DataImportError) in
            throw fail(headerLine, role, .missingColumn, "no \(role) column (looked for \(wanted))")
        }
        let expected = scanner.fieldCount
        let label = { (k: Int?) -> String in
            guard let k else { return "-" }
            return k < header.count && !header[k].isEmpty ? header[k] : "#\(k + 1)"
        }
        let names = [label(columns.ts), label(columns.o), label(columns.h), label(columns.l), label(columns.c), label(columns.v), label(columns.x)]
        try BarRowBuilder<Sink>.check(options)  // before the header-only check, as ever
        if hasHeader {
            guard scanner.nextRow() else { throw fail(headerLine, nil, .headerOnly, "the file has a header and no data rows") }
        }
        let needed = max(columns.ts, columns.o, columns.h, columns.l, columns.c, columns.v ?? 0, columns.x ?? 0) + 1
        // The one-pass reader takes the plain layout: timestamp, open, high, low, close[, volume], nothing else.
        let plain =
            onePass && (columns.ts, columns.o, columns.h, columns.l, columns.c) == (0, 1, 2, 3, 4) && columns.x == nil && skipEmpty == nil
            && (columns.v == nil ? expected == 5 : columns.v == 5 && expected == 6) && CSVScanner.allowsOnePass(delimiter: layout.delimiter)
        let limit = plain ? LineBreaks.lastLineFeed(base, count: count) : -1
        let sink = try makeSink(scanner.rowStart, scanner.rowEnd)
        var builder: BarRowBuilder<Sink>
        do throws(DataImportError) {
            builder = try BarRowBuilder(file: fileName, options: options, names: names, sink: sink)
        } catch {
            sink.discard()
            throw error
        }
        var fields = BarRowFields(timestamp: (0, 0), prices: ((0, 0), (0, 0), (0, 0), (0, 0)))
        var numbers = BarRowNumbers(open: DecimalText.absent, high: DecimalText.absent, low: DecimalText.absent, close: DecimalText.absent, volume: DecimalText.absent)
        var read = BarRowRead.scanned  // the first data row, scanned above
        var nextProgress = Self.progressStep
        repeat {
            if read == .parsed {
                builder.append(line: scanner.line, base: base, fields, numbers)
            } else if scanner.fieldCount != expected || scanner.fieldCount < needed {
                let truncated = !scanner.terminated && scanner.atEnd && scanner.fieldCount < expected
                builder.reject(
                    line: scanner.line, column: nil, truncated ? .truncatedLine : .fieldCount,
                    "\(scanner.fieldCount) field(s), expected \(expected)\(truncated ? " (the last line is cut short)" : "")")
            } else if skipEmpty.map({ scanner.start($0) != scanner.end($0) }) ?? true {
                builder.append(
                    line: scanner.line, base: base,
                    BarRowFields(
                        timestamp: scanner.field(columns.ts),
                        prices: (scanner.field(columns.o), scanner.field(columns.h), scanner.field(columns.l), scanner.field(columns.c)),
                        volume: columns.v.map { scanner.field($0) }, extraPrice: columns.x.map { scanner.field($0) }))
            }
            // Rejected and skipped rows leave `rowsRead` as it was: report each step once.
            if builder.rowsRead == nextProgress, let progress = options.progress {
                progress(scanner.rowEnd, count)
                nextProgress += Self.progressStep
            }
            if builder.isFull { break }
            read = plain ? scanner.nextBarRow(limit: limit, volume: columns.v != nil, into: &fields, &numbers) : scanner.nextRow() ? .scanned : .end
        } while read != .end
        options.progress?(count, count)
        let kept = builder.sink
        do throws(DataImportError) {
            return try builder.finish()
        } catch {
            kept.discard()
            throw error
        }
    }

    /// Resolved 0-based column positions.
    struct Columns {
        var ts: Int, o: Int, h: Int, l: Int, c: Int
        var v: Int?, x: Int?
    }

    static func isHeader(_ scanner: borrowing CSVScanner, layout: CSVBarLayout, format: TimestampFormat) -> Bool {
        switch layout.header {
        case .present: return true
        case .absent: return false
        case .auto:
            guard scanner.fieldCount >= 2 else { return true }
            let tsColumn: Int
            if case .index(let k) = layout.timestamp, k < scanner.fieldCount { tsColumn = k } else { tsColumn = 0 }
            let numberColumn = tsColumn == 0 ? 1 : 0
            let ts = TimestampText.parse(scanner.base, scanner.start(tsColumn), scanner.end(tsColumn), format: format)
            let number = DecimalText.parse(scanner.base, scanner.start(numberColumn), scanner.end(numberColumn))
            return ts == nil || number.status != .ok
        }
    }

    static func resolve(
        layout: CSVBarLayout, header: [String], fieldCount: Int,
        missing: (String, String) throws(DataImportError) -> Never
    ) throws(DataImportError) -> Columns {
        func find(_ role: Int, _ column: CSVBarLayout.Column?, required: Bool) throws(DataImportError) -> Int? {
            let roleName = ["timestamp", "open", "high", "low", "close", "volume", "extra price"][role]
            switch column {
            case .index(let k):
                guard k < fieldCount else { try missing(roleName, "column #\(k + 1)") }
                return k
            case .name(let name):
                if let k = header.firstIndex(of: name.lowercased()) { return k }
                try missing(roleName, "'\(name)'")
            case nil:
                if header.isEmpty {
                    if role < 5 || (role == 5 && fieldCount > 5) { return role }
                    return nil
                }
                if role < CSVBarLayout.aliases.count {
                    for alias in CSVBarLayout.aliases[role] {
                        if let k = header.firstIndex(of: alias), !(alias.isEmpty && k != 0) { return k }
                    }
                }
                if required { try missing(roleName, CSVBarLayout.aliases[role].filter { !$0.isEmpty }.joined(separator: "/")) }
                return nil
            }
        }
        guard let ts = try find(0, layout.timestamp, required: true), let o = try find(1, layout.open, required: true),
            let h = try find(2, layout.high, required: true), let l = try find(3, layout.low, required: true),
            let c = try find(4, layout.close, required: true)
        else { try missing("price", "columns") }
        return Columns(
            ts: ts, o: o, h: h, l: l, c: c, v: try find(5, layout.volume, required: false),
            x: layout.extraPrice == nil ? nil : try find(6, layout.extraPrice, required: true))
    }
}

extension String {
    /// Without leading and trailing spaces.
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " }) ?? first
        return String(scalars[first...last])
    }
}
