import BourseCore

/// Checks parsed bars one row at a time, in file order, as they stream in:
///
/// | check | strict | repair |
/// | --- | --- | --- |
/// | price ≤ 0 (unless allowed) | error | row dropped |
/// | volume < 0 | error | row dropped |
/// | timestamp equal to the previous kept row's | error (duplicate) | row dropped |
/// | timestamp before the previous kept row's | error | row dropped |
/// | high < max(open, close, low) or low > min(open, close) | error | high/low widened |
/// | price not a multiple of the tick | error | rounded half-even to the tick |
/// | gap longer than the bar step | warning | warning |
/// | close-to-close return beyond k rolling std devs | warning (outlier) | warning |
struct BarValidator {
    private let rules: ValidationRules
    private let repair: Bool
    /// The tick in raw units at the price precision, when prices must be multiples of it.
    private let tick: Int64?
    /// The bar step in nanoseconds (time bars of fixed length).
    private let step: Int64?
    private var lastTimestamp: Int64?
    private var lastClose: Int64 = 0
    private var outliers: RollingReturns

    init(options: BarImportOptions) {
        rules = options.rules
        repair = options.mode == .repair
        tick = options.tickSize.flatMap { $0.raw > 1 ? $0.raw : nil }
        step = options.barType.spec.duration?.rawValue
        outliers = RollingReturns(window: options.rules.outlierWindow, threshold: options.rules.outlierStdDevs)
    }

    /// Checks the row on `line` (raw values at price precision `p`); in repair mode it may
    /// widen high/low or round prices to the tick. Returns whether the row is kept.
    ///
    /// - Complexity: O(1); the reporting of problems is out of line.
    @inline(__always)
    mutating func check(
        line: Int, timestamp ts: Int64, open o: inout Int64, high h: inout Int64, low l: inout Int64, close c: inout Int64,
        volume v: Int64, precision p: UInt8, log: inout IssueLog
    ) -> Bool {
        if (!rules.allowNonPositivePrices && min(min(o, h), min(l, c)) <= 0) || v < 0 {
            reportValues(line: line, o, h, l, c, volume: v, precision: p, log: &log)
            return false
        }
        if let last = lastTimestamp, ts <= last {
            reportOrder(line: line, ts, last, log: &log)
            return false
        }
        if h < max(max(o, c), l) || l > min(o, c) {
            guard repairHighLow(line: line, &o, &h, &l, &c, precision: p, log: &log) else { return false }
        }
        if let tick, o % tick != 0 || h % tick != 0 || l % tick != 0 || c % tick != 0 {
            guard repairTick(tick, line: line, &o, &h, &l, &c, precision: p, log: &log) else { return false }
        }
        if let last = lastTimestamp {
            if rules.reportGaps, let step, ts - last > step { reportGap(line: line, ts, last, step: step, log: &log) }
            if lastClose > 0, c > 0 {
                let r = Double(c) / Double(lastClose) - 1
                if let sigmas = outliers.add(r) { reportOutlier(line: line, r, sigmas: sigmas, log: &log) }
            }
        }
        lastTimestamp = ts
        lastClose = c
        return true
    }

    private static func format(_ raw: Int64, _ p: UInt8) -> String { Price(uncheckedRaw: raw, precision: p).description }

    private static func prices(_ o: Int64, _ h: Int64, _ l: Int64, _ c: Int64, _ p: UInt8) -> String {
        "O \(format(o, p)) H \(format(h, p)) L \(format(l, p)) C \(format(c, p))"
    }

    @inline(never)
    private func reportValues(line: Int, _ o: Int64, _ h: Int64, _ l: Int64, _ c: Int64, volume v: Int64, precision p: UInt8, log: inout IssueLog) {
        if !rules.allowNonPositivePrices && min(min(o, h), min(l, c)) <= 0 {
            log.record(line: line, column: nil, .nonPositivePrice, "prices must be positive: \(Self.prices(o, h, l, c, p))")
        } else {
            log.record(line: line, column: "volume", .negativeVolume, "volume is negative")
        }
    }

    @inline(never)
    private func reportOrder(line: Int, _ ts: Int64, _ last: Int64, log: inout IssueLog) {
        let when = CivilDateTime(UnixNanos(ts)).iso8601
        if ts == last {
            log.record(line: line, column: "timestamp", .duplicateTimestamp, "a bar closing at \(when) already exists")
        } else {
            log.record(line: line, column: "timestamp", .nonIncreasingTimestamp, "bar closing at \(when) is before the previous bar")
        }
    }

    /// Reports high/low not containing open and close; widens them in repair mode (`false`: row dropped).
    @inline(never)
    private func repairHighLow(
        line: Int, _ o: inout Int64, _ h: inout Int64, _ l: inout Int64, _ c: inout Int64, precision p: UInt8, log: inout IssueLog
    ) -> Bool {
        log.record(
            line: line, column: h < l || h < max(o, c) ? "high" : "low", .ohlcInconsistent,
            "need low ≤ open, close ≤ high: \(Self.prices(o, h, l, c, p))", fix: .widenedHighLow)
        guard repair else { return false }
        let top = max(o, h, l, c)
        l = min(o, h, l, c)
        h = top
        return true
    }

    /// Reports prices off the tick; rounds them half-even to it in repair mode (`false`: row dropped).
    @inline(never)
    private func repairTick(
        _ tick: Int64, line: Int, _ o: inout Int64, _ h: inout Int64, _ l: inout Int64, _ c: inout Int64, precision p: UInt8,
        log: inout IssueLog
    ) -> Bool {
        log.record(line: line, column: nil, .excessPrecision, "a price is not a multiple of the tick \(Self.format(tick, p))", fix: .roundedToTick)
        guard repair else { return false }
        o = FixedPoint.divide(o, by: tick, rule: .halfEven) * tick
        h = FixedPoint.divide(h, by: tick, rule: .halfEven) * tick
        l = FixedPoint.divide(l, by: tick, rule: .halfEven) * tick
        c = FixedPoint.divide(c, by: tick, rule: .halfEven) * tick
        return true
    }

    @inline(never)
    private func reportGap(line: Int, _ ts: Int64, _ last: Int64, step: Int64, log: inout IssueLog) {
        let missing = (ts - last) / step - 1
        log.record(
            line: line, column: "timestamp", .gap,
            "\(missing) bar(s) missing between \(CivilDateTime(UnixNanos(last)).iso8601) and \(CivilDateTime(UnixNanos(ts)).iso8601)")
    }

    @inline(never)
    private func reportOutlier(line: Int, _ r: Double, sigmas: Double, log: inout IssueLog) {
        log.record(line: line, column: "close", .outlier, "return \(r) is \(Int(sigmas.rounded())) rolling standard deviations from the mean")
    }

    /// Follows a change of the series' price precision (prices multiplied by `factor`).
    mutating func pricesScaled(by factor: Int64) {
        lastClose &*= factor
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
        values.reserveCapacity(self.window)
    }

    /// Adds `r`; returns how many deviations it lies from the mean of the previous
    /// window when that exceeds the threshold (the window must be full).
    @inline(__always)
    mutating func add(_ r: Double) -> Double? {
        var flagged: Double?
        if values.count == window {
            let mean = sum / Double(window)
            let variance = max(sumSquares / Double(window) - mean * mean, 0)
            let deviation = abs(r - mean)
            // Compare squares: no square root unless the return is flagged.
            if variance > 0, deviation * deviation > threshold * threshold * variance { flagged = deviation / variance.squareRoot() }
            let old = values[next]
            sum -= old
            sumSquares -= old * old
            values[next] = r
            next = next + 1 == window ? 0 : next + 1
        } else {
            values.append(r)
        }
        sum += r
        sumSquares += r * r
        return flagged
    }
}
