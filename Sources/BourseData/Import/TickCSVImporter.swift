public import BourseCore

/// Imports trade ticks (`timestamp, price, size[, side]`) and quote ticks
/// (`timestamp, bid, ask[, bid_size, ask_size]`) from CSV, exactly.
///
/// Columns are found by header name (`price`; `size`/`quantity`/`qty`/`amount`;
/// `side`/`aggressor` with `buy`/`b`/`buyer` or `sell`/`s`/`seller`; `bid`, `ask`,
/// `bid_size`, `ask_size`), else by position. Missing sizes are zero. Prices share the
/// precision of the most decimals seen (or the tick's). Ticks may repeat a timestamp
/// (several prints in one millisecond) but never go back in time; quotes must not be
/// crossed; prices must be positive. Strict mode stops at the first 20 problems; repair
/// mode drops the bad rows and reports them.
public enum TickCSVImporter {
    /// Imported ticks and what was found.
    public struct Result<Tick: Sendable>: Sendable {
        public var ticks: [Tick]
        public var report: ImportReport
    }

    public static func importTrades(
        path: String, instrumentID: InstrumentID, mode: ValidationMode = .strict, tickSize: Price? = nil
    ) throws(DataImportError) -> Result<TradeTick> {
        let table = try TickTable.read(
            path: path, roles: [["price", "last"], ["size", "quantity", "qty", "amount", "volume"], ["side", "aggressor"]],
            required: 1, priceColumns: [0], mode: mode, tickSize: tickSize)
        var ticks: [TradeTick] = []
        ticks.reserveCapacity(table.rows)
        for i in 0..<table.rows {
            let side: AggressorSide
            switch table.texts[i]?.lowercased() {
            case "buy", "b", "buyer": side = .buyer
            case "sell", "s", "seller": side = .seller
            default: side = .none
            }
            ticks.append(
                TradeTick(
                    instrumentID: instrumentID, price: Price(uncheckedRaw: table.values[0][i], precision: table.precisions[0]),
                    size: Quantity(uncheckedRaw: table.values[1][i], precision: table.precisions[1]), aggressor: side,
                    tsEvent: UnixNanos(table.timestamps[i])))
        }
        return Result(ticks: ticks, report: table.report)
    }

    public static func importQuotes(
        path: String, instrumentID: InstrumentID, mode: ValidationMode = .strict, tickSize: Price? = nil
    ) throws(DataImportError) -> Result<QuoteTick> {
        let table = try TickTable.read(
            path: path, roles: [["bid"], ["ask"], ["bid_size", "bidsize", "bid_volume"], ["ask_size", "asksize", "ask_volume"]],
            required: 2, priceColumns: [0, 1], mode: mode, tickSize: tickSize)
        var ticks: [QuoteTick] = []
        ticks.reserveCapacity(table.rows)
        for i in 0..<table.rows {
            let bid = Price(uncheckedRaw: table.values[0][i], precision: table.precisions[0])
            let ask = Price(uncheckedRaw: table.values[1][i], precision: table.precisions[0])
            let bidSize = Quantity(uncheckedRaw: table.values[2][i], precision: table.precisions[1])
            let askSize = Quantity(uncheckedRaw: table.values[3][i], precision: table.precisions[1])
            // Crossed quotes were removed or reported by the table's checks.
            guard let quote = try? QuoteTick(
                instrumentID: instrumentID, bid: bid, ask: ask, bidSize: bidSize, askSize: askSize, tsEvent: UnixNanos(table.timestamps[i]))
            else { continue }
            ticks.append(quote)
        }
        return Result(ticks: ticks, report: table.report)
    }
}

/// The numeric columns of a tick file, parsed and checked: prices (group 0) and sizes (group 1).
struct TickTable {
    var timestamps: [Int64] = []
    /// One array per role (the text role, if any, stays empty).
    var values: [[Int64]]
    /// The price and size precisions.
    var precisions: [UInt8] = [0, 0]
    var texts: [String?] = []
    var report = ImportReport()
    var rows: Int { timestamps.count }

    init(roleCount: Int) { values = Array(repeating: [], count: roleCount) }

    /// Reads the file; `required` roles must exist, `priceColumns` are the price roles
    /// (the others are sizes, except a `side` role which is kept as text).
    static func read(
        path: String, roles: [[String]], required: Int, priceColumns: [Int], mode: ValidationMode, tickSize: Price?
    ) throws(DataImportError) -> TickTable {
        let file = DataFile.name(path)
        let data = try DataFile.bytes(path)
        return try DataFile.withBase(data) { (base, count) throws(DataImportError) in
            var scanner = CSVScanner(base: base, count: count, commentByte: UInt8(ascii: "#"))
            var errors: [DataIssue] = []
            var table = TickTable(roleCount: roles.count)
            func fail(_ line: Int, _ kind: DataIssue.Kind, _ reason: String) -> DataImportError {
                .invalid(file: file, issues: [DataIssue(file: file, line: line, column: nil, kind: kind, reason: reason)])
            }
            guard scanner.nextRow() else { throw fail(1, .emptyFile, "the file has no rows") }
            let hasHeader = TimestampText.parse(base, scanner.start(0), scanner.end(0), format: .auto) == nil
            let header = hasHeader ? (0..<scanner.fieldCount).map { scanner.text($0).trimmed.lowercased() } : []
            var columns: [Int?] = []
            for (k, aliases) in roles.enumerated() {
                let found = hasHeader ? aliases.lazy.compactMap { header.firstIndex(of: $0) }.first : (k + 1 < scanner.fieldCount ? k + 1 : nil)
                if found == nil && k < required { throw fail(scanner.line, .missingColumn, "no \(aliases[0]) column") }
                columns.append(found)
            }
            let textRole = roles.firstIndex { $0.contains("side") }
            let expected = scanner.fieldCount
            if hasHeader && !scanner.nextRow() { throw fail(scanner.line, .headerOnly, "the file has a header and no data rows") }
            let fixed = tickSize?.precision
            if let fixed { table.precisions[0] = fixed }
            var zoned: Bool?
            repeat {
                let line = scanner.line
                table.report.rowsRead += 1
                func problem(_ kind: DataIssue.Kind, _ column: String?, _ reason: String) {
                    let issue = DataIssue(file: file, line: line, column: column, kind: kind, reason: reason)
                    if mode == .strict { errors.append(issue) } else { table.report.repairs.append(RepairAction(issue: issue, fix: .dropped)) }
                }
                guard scanner.fieldCount == expected else {
                    let truncated = !scanner.terminated && scanner.atEnd
                    problem(truncated ? .truncatedLine : .fieldCount, nil, "\(scanner.fieldCount) field(s), expected \(expected)")
                    continue
                }
                guard let ts = TimestampText.parse(base, scanner.start(0), scanner.end(0), format: .auto) else {
                    problem(.badTimestamp, "timestamp", "'\(scanner.text(0))' is not a timestamp")
                    continue
                }
                if let zoned, zoned != ts.zoned {
                    problem(.mixedTimezones, "timestamp", "'\(scanner.text(0))' differs in zone from the first row")
                    continue
                }
                zoned = ts.zoned
                if let last = table.timestamps.last, ts.nanos < last {
                    problem(.nonIncreasingTimestamp, "timestamp", "'\(scanner.text(0))' is before the previous tick")
                    continue
                }
                var raws: [Int64] = Array(repeating: 0, count: roles.count)
                var ok = true
                for (k, column) in columns.enumerated() where k != textRole {
                    guard let column else { continue }
                    let group = priceColumns.contains(k) ? 0 : 1
                    let p = DecimalText.parse(base, scanner.start(column), scanner.end(column))
                    guard p.status == .ok else {
                        problem(p.status == .overflow ? .overflow : .notANumber, roles[k][0], "'\(scanner.text(column))' is not a decimal number")
                        ok = false
                        break
                    }
                    if (group == 1 || fixed == nil) && p.decimals > Int(table.precisions[group]) && p.decimals <= 9 {
                        table.widen(group: group, to: UInt8(p.decimals), priceColumns: priceColumns)
                    }
                    switch DecimalText.scale(p.mantissa, decimals: p.decimals, to: Int(table.precisions[group])) {
                    case .exact(let raw): raws[k] = raw
                    case .excess, .overflow:
                        problem(.excessPrecision, roles[k][0], "'\(scanner.text(column))' has more than \(table.precisions[group]) decimals")
                        ok = false
                    }
                    if !ok { break }
                    if group == 0 && raws[k] <= 0 {
                        problem(.nonPositivePrice, roles[k][0], "price must be positive")
                        ok = false
                        break
                    }
                    if group == 1 && raws[k] < 0 {
                        problem(.negativeVolume, roles[k][0], "size must not be negative")
                        ok = false
                        break
                    }
                }
                guard ok else { continue }
                if priceColumns.count == 2 && raws[0] > raws[1] {
                    problem(.crossedQuote, "bid", "bid \(scanner.text(columns[0] ?? 0)) is above ask \(scanner.text(columns[1] ?? 0))")
                    continue
                }
                table.timestamps.append(ts.nanos)
                for k in 0..<roles.count { table.values[k].append(raws[k]) }
                table.texts.append(textRole.flatMap { columns[$0] }.map { scanner.text($0) })
            } while errors.count < DataImportError.maxListedIssues && scanner.nextRow()
            if !errors.isEmpty { throw .invalid(file: file, issues: errors) }
            table.report.rowsKept = table.rows
            return table
        }
    }

    /// Raises the precision of a column group, rescaling the values read so far.
    mutating func widen(group: Int, to p: UInt8, priceColumns: [Int]) {
        let factor = DecimalText.pow10(Int(p - precisions[group]))
        for k in values.indices where (priceColumns.contains(k) ? 0 : 1) == group {
            values[k] = values[k].map { $0 &* factor }
        }
        precisions[group] = p
    }
}
