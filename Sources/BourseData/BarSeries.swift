public import BourseCore

/// A bar series in columns: one `Int64` array per field, raw fixed-point values at the
/// series' precisions, timestamps as Unix nanoseconds of each bar's close (`Bar.tsEvent`).
///
/// This is what importers produce, the bar file stores and the stores return; `bars`
/// and the subscript turn rows into ``Bar`` values.
///
/// ```swift
/// let series = try BarCSVImporter.importBars(path: "GOOG.csv", options: options).series
/// series[0].close   // Price 100.34
/// ```
public struct BarSeries: Sendable, Hashable {
    public let barType: BarType
    public private(set) var pricePrecision: UInt8
    public private(set) var sizePrecision: UInt8
    /// Close times (`tsEvent`), Unix nanoseconds.
    public internal(set) var timestamps: [Int64] = []
    public internal(set) var opens: [Int64] = []
    public internal(set) var highs: [Int64] = []
    public internal(set) var lows: [Int64] = []
    public internal(set) var closes: [Int64] = []
    public internal(set) var volumes: [Int64] = []

    /// An empty series.
    public init(barType: BarType, pricePrecision: UInt8, sizePrecision: UInt8) {
        self.barType = barType
        self.pricePrecision = pricePrecision
        self.sizePrecision = sizePrecision
    }

    /// A series from bars that all have the same precisions.
    public init(barType: BarType, bars: some Sequence<Bar>, pricePrecision: UInt8, sizePrecision: UInt8) throws(MarketDataError) {
        self.init(barType: barType, pricePrecision: pricePrecision, sizePrecision: sizePrecision)
        for bar in bars { try append(bar) }
    }

    public var count: Int { timestamps.count }
    public var isEmpty: Bool { timestamps.isEmpty }

    /// Row `index` as a bar.
    public subscript(index: Int) -> Bar {
        Bar(
            unchecked: barType,
            open: Price(uncheckedRaw: opens[index], precision: pricePrecision),
            high: Price(uncheckedRaw: highs[index], precision: pricePrecision),
            low: Price(uncheckedRaw: lows[index], precision: pricePrecision),
            close: Price(uncheckedRaw: closes[index], precision: pricePrecision),
            volume: Quantity(uncheckedRaw: volumes[index], precision: sizePrecision),
            tsEvent: UnixNanos(timestamps[index]), tsInit: UnixNanos(timestamps[index]))
    }

    /// Every row as a bar.
    public var bars: [Bar] { (0..<count).map { self[$0] } }

    /// Appends a bar of this series' precisions.
    public mutating func append(_ bar: Bar) throws(MarketDataError) {
        guard bar.open.precision == pricePrecision, bar.volume.precision == sizePrecision else {
            throw .invalid(
                "bar precisions \(bar.open.precision)/\(bar.volume.precision) differ from the series' \(pricePrecision)/\(sizePrecision)")
        }
        appendRaw(
            timestamp: bar.tsEvent.rawValue, open: bar.open.raw, high: bar.high.raw, low: bar.low.raw,
            close: bar.close.raw, volume: bar.volume.raw)
    }

    /// Appends one row of raw values (trusted).
    @inline(__always)
    mutating func appendRaw(timestamp: Int64, open: Int64, high: Int64, low: Int64, close: Int64, volume: Int64) {
        timestamps.append(timestamp)
        opens.append(open)
        highs.append(high)
        lows.append(low)
        closes.append(close)
        volumes.append(volume)
    }

    /// Reserves room for `n` rows.
    mutating func reserveCapacity(_ n: Int) {
        for keyPath in [\BarSeries.timestamps, \.opens, \.highs, \.lows, \.closes, \.volumes] as [WritableKeyPath<BarSeries, [Int64]>] {
            self[keyPath: keyPath].reserveCapacity(n)
        }
    }

    /// Multiplies every price by `10^(p - pricePrecision)`: exact, all or nothing (`false`, and
    /// nothing changed, when a price would overflow).
    mutating func raisePricePrecision(to p: UInt8) -> Bool {
        guard p > pricePrecision else { return true }
        guard scale([\.opens, \.highs, \.lows, \.closes], by: DecimalText.pow10(Int(p - pricePrecision))) else { return false }
        pricePrecision = p
        return true
    }

    /// Multiplies every volume by `10^(p - sizePrecision)`: exact, all or nothing.
    mutating func raiseSizePrecision(to p: UInt8) -> Bool {
        guard p > sizePrecision else { return true }
        guard scale([\.volumes], by: DecimalText.pow10(Int(p - sizePrecision))) else { return false }
        sizePrecision = p
        return true
    }

    private mutating func scale(_ columns: [WritableKeyPath<BarSeries, [Int64]>], by factor: Int64) -> Bool {
        guard columns.allSatisfy({ self[keyPath: $0].withUnsafeBufferPointer { DecimalText.fitsScaling($0, by: factor) } }) else {
            return false
        }
        for column in columns { self[keyPath: column].withUnsafeMutableBufferPointer { DecimalText.scale($0, by: factor) } }
        return true
    }

    /// A copy whose columns live in buffers of its own. Threads that each read their own copy
    /// share no reference-counted storage, so retains and releases of the columns do not bounce
    /// cache lines between cores (parallel sweeps give each worker a copy).
    ///
    /// - Complexity: O(rows).
    public func copyingStorage() -> BarSeries {
        var out = BarSeries(barType: barType, pricePrecision: pricePrecision, sizePrecision: sizePrecision)
        out.timestamps = timestamps.map { $0 }
        out.opens = opens.map { $0 }
        out.highs = highs.map { $0 }
        out.lows = lows.map { $0 }
        out.closes = closes.map { $0 }
        out.volumes = volumes.map { $0 }
        return out
    }

    /// The rows with `tsEvent` in `range` (a binary search on the sorted timestamps).
    public func slice(_ range: ClosedRange<UnixNanos>) -> BarSeries {
        let lo = lowerBound(range.lowerBound.rawValue)
        var hi = lowerBound(range.upperBound.rawValue)
        while hi < count && timestamps[hi] == range.upperBound.rawValue { hi += 1 }
        var out = BarSeries(barType: barType, pricePrecision: pricePrecision, sizePrecision: sizePrecision)
        out.timestamps = Array(timestamps[lo..<hi])
        out.opens = Array(opens[lo..<hi])
        out.highs = Array(highs[lo..<hi])
        out.lows = Array(lows[lo..<hi])
        out.closes = Array(closes[lo..<hi])
        out.volumes = Array(volumes[lo..<hi])
        return out
    }

    /// The first index whose timestamp is `>= t`.
    func lowerBound(_ t: Int64) -> Int {
        var lo = 0
        var hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if timestamps[mid] < t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

extension BarSeries {
    /// Appends one row read back from a store (trusted: the store only holds checked rows).
    package mutating func appendStored(_ timestamp: Int64, _ open: Int64, _ high: Int64, _ low: Int64, _ close: Int64, _ volume: Int64) {
        appendRaw(timestamp: timestamp, open: open, high: high, low: low, close: close, volume: volume)
    }
}
