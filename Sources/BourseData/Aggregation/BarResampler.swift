public import BourseCore

/// Builds higher time-frame bars from lower ones (1m → 5m → 1h → 1d), streaming (one bar
/// at a time, for live) or in batch (``BarResampler/resample(_:to:origin:)``); both go
/// through ``update(timestamp:open:high:low:close:volume:)``.
///
/// **Alignment.** Target bars cover `[origin + k·step, origin + (k+1)·step)`; `origin` is
/// an offset from the Unix epoch (default 0: UTC boundaries, so days run 00:00–24:00 UTC).
/// **Session rule.** An input bar belongs to the target bar containing its last instant
/// (`tsEvent − 1 ns`): a 1-minute bar closing at 10:05 goes to the 10:00–10:05 bar. The
/// output bar's `tsEvent` is the end of its interval, its open the first input's open,
/// close the last input's close, high/low the extremes, volume the sum. Intervals with
/// no input produce no bar (closed markets, weekends). A target bar is emitted as soon
/// as an input closes exactly at its end, or else when an input of a later interval
/// arrives; ``flush()`` emits the last, possibly incomplete, bar.
/// For sessions that do not start at a UTC boundary (FX days at 22:00 UTC), set `origin`.
///
/// **Months.** A `MONTH` target has calendar buckets: `n-MONTH` bars cover `n` calendar
/// months counted from January 1970 (so `3-MONTH` bars are calendar quarters, `12-MONTH`
/// years), shifted by `origin`; a bar's `tsEvent` is the first instant of the next bucket.
/// Inputs are fixed-length bars of at most a day that divide a day (so none straddles a
/// month boundary), or month bars whose step divides the target's.
/// Otherwise the target step must be a whole multiple of the input step (second … week).
public struct BarResampler: Sendable {
    public let barType: BarType
    public let origin: Int64
    /// The target's step: nanoseconds, or months for a `MONTH` target.
    private let step: Int64
    private let monthly: Bool
    private var bucket: Int64?
    private var open: Int64 = 0, high: Int64 = 0, low: Int64 = 0, close: Int64 = 0, volume: Int64 = 0
    private var lastInput: Int64?
    let pricePrecision: UInt8
    let sizePrecision: UInt8

    /// A resampler to `target`, fed bars of `inputSpec` at the given precisions.
    public init(
        target: BarType, inputSpec: BarSpec, pricePrecision: UInt8, sizePrecision: UInt8, origin: Nanoseconds = .zero
    ) throws(AggregationError) {
        let input = inputSpec
        guard target.spec.priceType == input.priceType else {
            throw .incompatible("\(input) and \(target.spec) have different price types")
        }
        if target.spec.aggregation == .month {
            let fitsDays = input.duration.map { $0.rawValue <= Nanoseconds.perDay && Nanoseconds.perDay % $0.rawValue == 0 } ?? false
            let fitsMonths = input.aggregation == .month && target.spec.step % input.step == 0
            guard fitsDays || fitsMonths else {
                throw .incompatible("\(input) bars do not fit whole months (\(target.spec) needs bars that divide a day, or months)")
            }
            step = Int64(target.spec.step)
            monthly = true
        } else {
            guard let targetStep = target.spec.duration?.rawValue, let inputStep = input.duration?.rawValue, targetStep % inputStep == 0
            else {
                throw .incompatible("\(target.spec) is not a whole multiple of \(input) (resampling needs fixed-length time bars or months)")
            }
            step = targetStep
            monthly = false
        }
        barType = target
        self.origin = origin.rawValue
        self.pricePrecision = pricePrecision
        self.sizePrecision = sizePrecision
    }

    /// A completed target bar, as raw values.
    public typealias Row = (timestamp: Int64, open: Int64, high: Int64, low: Int64, close: Int64, volume: Int64)

    /// Feeds one input bar (raw values, `timestamp` = its close time); returns up to two
    /// completed target bars (the previous interval's, and this one's when it closes it).
    ///
    /// - Complexity: O(1), no allocation.
    @inline(__always)
    public mutating func update(
        timestamp: Int64, open o: Int64, high h: Int64, low l: Int64, close c: Int64, volume v: Int64
    ) throws(AggregationError) -> (Row?, Row?) {
        if let lastInput, timestamp <= lastInput {
            throw .outOfOrder("input bar closing at \(CivilDateTime(UnixNanos(timestamp)).iso8601) is not after the previous one")
        }
        lastInput = timestamp
        let k = bucket(of: timestamp)
        var emitted: Row?
        if let bucket, bucket != k { emitted = current(bucket) }
        if bucket != k {
            bucket = k
            open = o
            high = h
            low = l
            close = c
            volume = v
        } else {
            high = max(high, h)
            low = min(low, l)
            close = c
            volume &+= v
        }
        if timestamp == end(of: k) {
            let done = current(k)
            bucket = nil
            return (emitted, done)
        }
        return (emitted, nil)
    }

    /// Feeds a bar.
    public mutating func update(_ bar: Bar) throws(AggregationError) -> [Bar] {
        let (a, b) = try update(
            timestamp: bar.tsEvent.rawValue, open: bar.open.raw, high: bar.high.raw, low: bar.low.raw, close: bar.close.raw,
            volume: bar.volume.raw)
        return [a, b].compactMap { $0.map(makeBar) }
    }

    /// The pending (incomplete) bar, if any, and a reset.
    public mutating func flush() -> Row? {
        guard let bucket else { return nil }
        self.bucket = nil
        return current(bucket)
    }

    private func current(_ k: Int64) -> Row { (end(of: k), open, high, low, close, volume) }

    /// The target bucket holding the last instant of a bar closing at `t`.
    @inline(__always)
    private func bucket(of t: Int64) -> Int64 {
        guard monthly else { return floorDiv(t - 1 - origin, step) }
        let civil = CivilDateTime(UnixNanos(t - 1 - origin))
        return floorDiv(Int64(civil.year) * 12 + Int64(civil.month - 1), step)
    }

    /// The close time of bucket `k` (the start of the next one).
    @inline(__always)
    private func end(of k: Int64) -> Int64 {
        guard monthly else { return origin + (k + 1) * step }
        let month = (k + 1) * step
        let year = floorDiv(month, 12)
        return origin + CivilDateTime.days(fromCivil: Int(year), Int(month - year * 12) + 1, 1) * Nanoseconds.perDay
    }

    func makeBar(_ r: Row) -> Bar {
        Bar(
            unchecked: barType, open: Price(uncheckedRaw: r.open, precision: pricePrecision),
            high: Price(uncheckedRaw: r.high, precision: pricePrecision), low: Price(uncheckedRaw: r.low, precision: pricePrecision),
            close: Price(uncheckedRaw: r.close, precision: pricePrecision), volume: Quantity(uncheckedRaw: r.volume, precision: sizePrecision),
            tsEvent: UnixNanos(r.timestamp), tsInit: UnixNanos(r.timestamp))
    }

    /// Resamples a whole series (the last, possibly incomplete, interval included).
    ///
    /// - Complexity: O(rows).
    public static func resample(_ series: BarSeries, to spec: BarSpec, origin: Nanoseconds = .zero) throws(AggregationError) -> BarSeries {
        let target = BarType(instrumentID: series.barType.instrumentID, spec: spec)
        var resampler = try BarResampler(
            target: target, inputSpec: series.barType.spec, pricePrecision: series.pricePrecision, sizePrecision: series.sizePrecision,
            origin: origin)
        var out = BarSeries(barType: target, pricePrecision: series.pricePrecision, sizePrecision: series.sizePrecision)
        for i in 0..<series.count {
            let (a, b) = try resampler.update(
                timestamp: series.timestamps[i], open: series.opens[i], high: series.highs[i], low: series.lows[i],
                close: series.closes[i], volume: series.volumes[i])
            if let a { out.append(row: a) }
            if let b { out.append(row: b) }
        }
        if let last = resampler.flush() { out.append(row: last) }
        return out
    }
}

extension BarSeries {
    mutating func append(row r: BarResampler.Row) {
        appendRaw(timestamp: r.timestamp, open: r.open, high: r.high, low: r.low, close: r.close, volume: r.volume)
    }
}

/// Floor division (rounds toward −∞, for times before the origin).
@inline(__always)
func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
