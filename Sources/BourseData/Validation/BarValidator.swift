import BourseCore

/// Checks a parsed bar series row by row (with the file line of each row):
///
/// | check | strict | repair |
/// | --- | --- | --- |
/// | price ≤ 0 (unless allowed) | error | row dropped |
/// | volume < 0 | error | row dropped |
/// | high < max(open, close, low) or low > min(open, close) | error | high/low widened |
/// | price not a multiple of the tick | error | rounded half-even to the tick |
/// | timestamp equal to the previous row's | error (duplicate) | row dropped |
/// | timestamp before the previous row's | error | row dropped |
/// | gap longer than the bar step | warning | warning |
/// | close-to-close return beyond k rolling std devs | warning (outlier) | warning |
struct BarValidator {
    let file: String
    let options: BarImportOptions
    private(set) var errors: [DataIssue] = []
    private(set) var warnings: [DataIssue] = []
    private(set) var repairs: [RepairAction] = []

    init(file: String, options: BarImportOptions) {
        self.file = file
        self.options = options
    }

    private mutating func problem(_ line: Int, _ column: String?, _ kind: DataIssue.Kind, _ reason: String, fix: RepairAction.Fix) {
        let issue = DataIssue(file: file, line: line, column: column, kind: kind, reason: reason)
        if kind.isWarning {
            warnings.append(issue)
        } else if options.mode == .strict {
            if errors.count < DataImportError.maxListedIssues { errors.append(issue) }
        } else {
            repairs.append(RepairAction(issue: issue, fix: fix))
        }
    }

    /// The checked (in repair mode, repaired) series and the matching extra column.
    mutating func run(series: BarSeries, lines: [Int], extra: [Int64]) -> (series: BarSeries, extra: [Int64]) {
        let p = series.pricePrecision
        var out = BarSeries(barType: series.barType, pricePrecision: p, sizePrecision: series.sizePrecision)
        out.reserveCapacity(series.count)
        var outExtra: [Int64] = []
        let tick = options.tickSize.flatMap { $0.raw > 1 && $0.precision == p ? $0.raw : nil }
        let step = series.barType.spec.duration?.rawValue
        var outliers = RollingReturns(window: options.rules.outlierWindow, threshold: options.rules.outlierStdDevs)
        func fmt(_ raw: Int64) -> String { Price(uncheckedRaw: raw, precision: p).description }
        for i in 0..<series.count {
            let line = lines[i]
            let ts = series.timestamps[i]
            var o = series.opens[i]
            var h = series.highs[i]
            var l = series.lows[i]
            var c = series.closes[i]
            let v = series.volumes[i]
            if !options.rules.allowNonPositivePrices && min(o, h, l, c) <= 0 {
                problem(line, nil, .nonPositivePrice, "prices must be positive: O \(fmt(o)) H \(fmt(h)) L \(fmt(l)) C \(fmt(c))", fix: .dropped)
                continue
            }
            if v < 0 {
                problem(line, "volume", .negativeVolume, "volume is negative", fix: .dropped)
                continue
            }
            if let last = out.timestamps.last, ts <= last {
                let kind: DataIssue.Kind = ts == last ? .duplicateTimestamp : .nonIncreasingTimestamp
                let when = CivilDateTime(UnixNanos(ts)).iso8601
                let reason = ts == last ? "a bar closing at \(when) already exists" : "bar closing at \(when) is before the previous bar"
                problem(line, "timestamp", kind, reason, fix: .dropped)
                continue
            }
            if h < max(o, c, l) || l > min(o, c) {
                problem(
                    line, h < l ? "high" : (h < max(o, c) ? "high" : "low"), .ohlcInconsistent,
                    "need low ≤ open, close ≤ high: O \(fmt(o)) H \(fmt(h)) L \(fmt(l)) C \(fmt(c))", fix: .widenedHighLow)
                guard options.mode == .repair else { continue }
                let top = max(o, h, l, c)
                l = min(o, h, l, c)
                h = top
            }
            if let tick, o % tick != 0 || h % tick != 0 || l % tick != 0 || c % tick != 0 {
                problem(line, nil, .excessPrecision, "a price is not a multiple of the tick \(fmt(tick))", fix: .roundedToTick)
                guard options.mode == .repair else { continue }
                o = FixedPoint.divide(o, by: tick, rule: .halfEven) * tick
                h = FixedPoint.divide(h, by: tick, rule: .halfEven) * tick
                l = FixedPoint.divide(l, by: tick, rule: .halfEven) * tick
                c = FixedPoint.divide(c, by: tick, rule: .halfEven) * tick
            }
            if options.rules.reportGaps, let step, let last = out.timestamps.last, ts - last > step {
                let missing = (ts - last) / step - 1
                problem(
                    line, "timestamp", .gap,
                    "\(missing) bar(s) missing between \(CivilDateTime(UnixNanos(last)).iso8601) and \(CivilDateTime(UnixNanos(ts)).iso8601)",
                    fix: .dropped)
            }
            if let previous = out.closes.last, previous > 0, c > 0 {
                let r = Double(c) / Double(previous) - 1
                if let sigmas = outliers.add(r) {
                    problem(
                        line, "close", .outlier,
                        "return \(r) is \(Int(sigmas.rounded())) rolling standard deviations from the mean", fix: .dropped)
                }
            }
            out.appendRaw(timestamp: ts, open: o, high: h, low: l, close: c, volume: v)
            if i < extra.count { outExtra.append(extra[i]) }
        }
        return (out, outExtra)
    }
}

/// Rolling mean and standard deviation of the last `window` returns (statistics: `Double`).
struct RollingReturns {
    let window: Int
    let threshold: Double
    private var values: [Double] = []
    private var next = 0
    private var sum = 0.0
    private var sumSquares = 0.0

    init(window: Int, threshold: Double) {
        self.window = max(window, 2)
        self.threshold = threshold
    }

    /// Adds `r`; returns how many deviations it lies from the mean of the previous
    /// window when that exceeds the threshold (the window must be full).
    mutating func add(_ r: Double) -> Double? {
        var flagged: Double?
        if values.count == window {
            let mean = sum / Double(window)
            let variance = max(sumSquares / Double(window) - mean * mean, 0)
            let sd = variance.squareRoot()
            if sd > 0, abs(r - mean) > threshold * sd { flagged = abs(r - mean) / sd }
            let old = values[next]
            sum -= old
            sumSquares -= old * old
            values[next] = r
            next = (next + 1) % window
        } else {
            values.append(r)
        }
        sum += r
        sumSquares += r * r
        return flagged
    }
}
