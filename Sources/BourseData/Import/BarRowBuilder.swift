import BourseCore

/// A field of a row: `[start, end)` byte offsets into the file buffer.
typealias FieldRange = (start: Int, end: Int)

/// The fields of one bar row: where they are and, once parsed, what they hold.
struct BarRowFields {
    var timestamp: FieldRange
    /// Open, high, low, close.
    var prices: (FieldRange, FieldRange, FieldRange, FieldRange)
    var volume: FieldRange?
    var extraPrice: FieldRange?
}

/// The numbers of one bar row as ``DecimalText/parse(_:_:_:)`` reads them (zero for an absent field).
struct BarRowNumbers {
    var open, high, low, close: DecimalText.Parsed
    var volume: DecimalText.Parsed = DecimalText.absent
    var extraPrice: DecimalText.Parsed = DecimalText.absent

    /// The fields of `row` parsed one by one.
    @inline(__always)
    init(_ base: UnsafePointer<UInt8>, _ row: BarRowFields) {
        open = DecimalText.parse(base, row.prices.0.start, row.prices.0.end)
        high = DecimalText.parse(base, row.prices.1.start, row.prices.1.end)
        low = DecimalText.parse(base, row.prices.2.start, row.prices.2.end)
        close = DecimalText.parse(base, row.prices.3.start, row.prices.3.end)
        if let v = row.volume { volume = DecimalText.parse(base, v.start, v.end) }
        if let x = row.extraPrice { extraPrice = DecimalText.parse(base, x.start, x.end) }
    }

    /// Numbers already parsed (by the one-pass row reader).
    @inline(__always)
    init(open: DecimalText.Parsed, high: DecimalText.Parsed, low: DecimalText.Parsed, close: DecimalText.Parsed, volume: DecimalText.Parsed) {
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
    }
}

/// Turns the text fields of one row at a time into raw columns in a ``BarRowSink`` (an
/// in-memory series or a bar file being written): exact decimals at the series' precision,
/// timestamps converted to close times, each row checked by ``BarValidator`` as it arrives
/// (one pass, no second copy), one issue per bad row (strict mode keeps the first 20;
/// repair mode drops or fixes the row and says so). Every bar importer goes through this one path.
struct BarRowBuilder<Sink: BarRowSink> {
    let options: BarImportOptions
    /// Column names for messages: timestamp, open, high, low, close, volume, extra.
    let names: [String]
    /// The rows kept so far.
    private(set) var sink: Sink
    /// An optional extra price column (Yahoo's adjusted close), at the price precision.
    private(set) var extra: [Int64] = []
    private(set) var log: IssueLog
    private(set) var rowsRead = 0
    private var validator: BarValidator
    /// Whether the file's timestamps carry a zone (set by the first row).
    private var zoned: Bool?
    private var days = TimestampText.DayCache()
    private let fixedPrice: Bool
    private let fixedSize: Bool
    private let monthStep: Int?
    private let openShift: Int64?

    /// A builder filling `sink`, whose precisions must be the options' (0 where they leave them open).
    init(file: String, options: BarImportOptions, names: [String], sink: Sink) throws(DataImportError) {
        try Self.check(options)
        self.options = options
        self.names = names
        let spec = options.barType.spec
        monthStep = spec.aggregation == .month ? spec.step : nil
        openShift = spec.duration?.rawValue
        fixedPrice = options.tickSize != nil
        fixedSize = options.sizePrecision != nil
        self.sink = sink
        log = IssueLog(file: file, mode: options.mode)
        validator = BarValidator(options: options)
    }

    /// Throws when the options do not fit bars: open-time labels on bars that are not time bars.
    static func check(_ options: BarImportOptions) throws(DataImportError) {
        let spec = options.barType.spec
        if options.labels == .open && spec.aggregation != .month && spec.duration == nil {
            throw .unsupported("open-time labels need a time bar spec, not \(spec)")
        }
    }

    /// Whether a strict import has collected enough problems to stop.
    var isFull: Bool { log.isFull }

    /// Records a problem with the row on `line`: an error in strict mode, a dropped row in repair mode.
    mutating func reject(line: Int, column: Int?, _ kind: DataIssue.Kind, _ reason: String) {
        log.record(line: line, column: column.map { names[$0] }, kind, reason)
    }

    /// Adds one row, parsing its numbers.
    ///
    /// - Complexity: O(row length); no allocation unless the row has a problem.
    @inline(__always)
    mutating func append(line: Int, base: UnsafePointer<UInt8>, _ row: BarRowFields) {
        append(line: line, base: base, row, BarRowNumbers(base, row))
    }

    /// Adds one row whose numbers are already parsed.
    ///
    /// - Complexity: O(timestamp length); no allocation unless the row has a problem.
    @inline(__always)
    mutating func append(line: Int, base: UnsafePointer<UInt8>, _ row: borrowing BarRowFields, _ n: borrowing BarRowNumbers) {
        rowsRead += 1
        let timestamp = row.timestamp
        let prices = row.prices
        let volume = row.volume
        let extraPrice = row.extraPrice
        guard let ts = TimestampText.parse(base, timestamp.start, timestamp.end, format: options.timestampFormat, cache: &days) else {
            reject(line: line, column: 0, .badTimestamp, "'\(text(base, timestamp))' is not a timestamp (\(options.timestampFormat.rawValue))")
            return
        }
        if let zoned, zoned != ts.zoned {
            reject(
                line: line, column: 0, .mixedTimezones,
                "'\(text(base, timestamp))' \(ts.zoned ? "has" : "has no") zone, unlike the first row")
            return
        }
        zoned = ts.zoned
        let (o, h, l, c, v, x) = (n.open, n.high, n.low, n.close, n.volume, n.extraPrice)
        guard valid(o, prices.0, 1, line, base), valid(h, prices.1, 2, line, base), valid(l, prices.2, 3, line, base),
            valid(c, prices.3, 4, line, base), valid(v, volume, 5, line, base), valid(x, extraPrice, 6, line, base)
        else { return }
        // Precision: auto mode widens the series to the most decimals seen (≤ 9).
        if !fixedPrice {
            let decimals = max(max(o.decimals, h.decimals), max(max(l.decimals, c.decimals), x.decimals))
            if decimals > Int(sink.pricePrecision) && decimals <= Int(FixedPoint.maxPrecision) {
                guard widenPrices(to: UInt8(decimals)) else {
                    reject(line: line, column: 1, .overflow, "prices overflow at \(decimals) decimals")
                    return
                }
            }
        }
        if !fixedSize && v.decimals > Int(sink.sizePrecision) && v.decimals <= Int(FixedPoint.maxPrecision) {
            guard sink.raiseSizePrecision(to: UInt8(v.decimals)) else {
                reject(line: line, column: 5, .overflow, "volumes overflow at \(v.decimals) decimals")
                return
            }
        }
        let pp = Int(sink.pricePrecision)
        guard var ro = scaled(o, prices.0, 1, pp, line, base), var rh = scaled(h, prices.1, 2, pp, line, base),
            var rl = scaled(l, prices.2, 3, pp, line, base), var rc = scaled(c, prices.3, 4, pp, line, base),
            let rv = scaled(v, volume, 5, Int(sink.sizePrecision), line, base),
            let rx = scaled(x, extraPrice, 6, pp, line, base)
        else { return }
        if let volume, rv < 0 {
            reject(line: line, column: 5, .negativeVolume, "volume \(text(base, volume)) is negative")
            return
        }
        let close = eventTime(ts)
        guard
            validator.check(
                line: line, timestamp: close, open: &ro, high: &rh, low: &rl, close: &rc, volume: rv,
                precision: sink.pricePrecision, log: &log)
        else { return }
        sink.append(timestamp: close, open: ro, high: rh, low: rl, close: rc, volume: rv)
        if extraPrice != nil { extra.append(rx) }
    }

    /// Whether field `column` parsed as a number; rejects the row when not.
    @inline(__always)
    private mutating func valid(_ p: DecimalText.Parsed, _ range: FieldRange?, _ column: Int, _ line: Int, _ base: UnsafePointer<UInt8>) -> Bool {
        guard p.status != .ok, let range else { return true }
        let field = text(base, range)
        if p.status == .overflow {
            reject(line: line, column: column, .overflow, "'\(field)' has more than 18 significant digits")
        } else {
            reject(line: line, column: column, .notANumber, "'\(field)' is not a decimal number")
        }
        return false
    }

    /// The raw value of field `column` at `precision`; `nil` (row rejected) on overflow or,
    /// in strict mode, excess decimals (repair mode rounds half-even and says so).
    @inline(__always)
    private mutating func scaled(
        _ p: DecimalText.Parsed, _ range: FieldRange?, _ column: Int, _ precision: Int, _ line: Int, _ base: UnsafePointer<UInt8>
    ) -> Int64? {
        guard let range else { return 0 }
        switch DecimalText.scale(p.mantissa, decimals: p.decimals, to: precision) {
        case .exact(let raw): return raw
        case .overflow:
            reject(line: line, column: column, .overflow, "'\(text(base, range))' overflows at precision \(precision)")
            return nil
        case .excess(let rounded):
            let reason = "'\(text(base, range))' has more than \(precision) decimals"
            guard options.mode == .repair else {
                reject(line: line, column: column, .excessPrecision, reason)
                return nil
            }
            log.record(line: line, column: names[column], .excessPrecision, reason, fix: .roundedToTick)
            return rounded
        }
    }

    /// Raises the price precision of the rows so far and of the extra column: all or nothing.
    private mutating func widenPrices(to p: UInt8) -> Bool {
        let factor = DecimalText.pow10(Int(p - sink.pricePrecision))
        guard extra.withUnsafeBufferPointer({ DecimalText.fitsScaling($0, by: factor) }), sink.raisePricePrecision(to: p) else {
            return false
        }
        extra.withUnsafeMutableBufferPointer { DecimalText.scale($0, by: factor) }
        validator.pricesScaled(by: factor)
        return true
    }

    /// The bar's close time from its label (see ``TimestampLabel``).
    @inline(__always)
    private func eventTime(_ ts: TimestampText.Parsed) -> Int64 {
        switch options.labels {
        case .close: return ts.dateOnly ? ts.nanos + Nanoseconds.perDay : ts.nanos
        case .open:
            if let openShift { return ts.nanos + openShift }
            return Self.addingMonths(monthStep ?? 1, to: ts.nanos)
        }
    }

    /// `t` moved `months` calendar months later (the day clamped to the month's length).
    static func addingMonths(_ months: Int, to t: Int64) -> Int64 {
        let civil = CivilDateTime(UnixNanos(t))
        let total = civil.year * 12 + (civil.month - 1) + months
        let year = total / 12
        let month = total % 12 + 1
        let day = min(civil.day, CivilDateTime.daysInMonth(year: year, month: month))
        let nanosOfDay = t - CivilDateTime.days(fromCivil: civil.year, civil.month, civil.day) * Nanoseconds.perDay
        return CivilDateTime.days(fromCivil: year, month, day) * Nanoseconds.perDay + nanosOfDay
    }

    private func text(_ base: UnsafePointer<UInt8>, _ range: FieldRange) -> String {
        String(decoding: UnsafeBufferPointer(start: base + range.start, count: range.end - range.start), as: UTF8.self)
    }

    /// The sink, the report and the extra column, or the errors in strict mode.
    consuming func finish() throws(DataImportError) -> (sink: Sink, report: ImportReport, extra: [Int64]) {
        let report = try log.report(rowsRead: rowsRead, rowsKept: sink.count)
        return (sink, report, extra)
    }
}

extension BarRowBuilder where Sink == BarSeriesSink {
    /// A builder keeping the rows in memory, at the options' precisions (0 where they leave them open).
    init(file: String, options: BarImportOptions, names: [String]) throws(DataImportError) {
        try self.init(file: file, options: options, names: names, sink: BarSeriesSink(options: options))
    }

    /// The import (series and report) and the extra column, or the errors in strict mode.
    consuming func finishSeries() throws(DataImportError) -> (BarImport, extra: [Int64]) {
        var (sink, report, extra) = try finish()
        return (BarImport(series: sink.finish(), report: report), extra)
    }
}
