public import BourseCore
import Synchronization

/// A market-data store in memory (tests, short backtests). Same contract as the SQLite store.
public final class InMemoryMarketDataStore: MarketDataStore, InstrumentStore {
    private struct State {
        var bars: [String: BarSeries] = [:]
        var trades: [InstrumentID: [TradeTick]] = [:]
        var quotes: [InstrumentID: [QuoteTick]] = [:]
        var instruments: [InstrumentID: Instrument] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    public func importBars(_ series: BarSeries, policy: OverlapPolicy) throws(StoreError) -> Int {
        try series.checkOrdered()
        let key = series.barType.description
        return try state.withLock { (s: inout State) throws(StoreError) -> Int in
            guard let stored = s.bars[key] else {
                s.bars[key] = series
                return series.count
            }
            guard stored.pricePrecision == series.pricePrecision, stored.sizePrecision == series.sizePrecision else {
                throw .precisionMismatch(
                    series: key, stored: "\(stored.pricePrecision)/\(stored.sizePrecision)",
                    imported: "\(series.pricePrecision)/\(series.sizePrecision)")
            }
            guard let first = series.timestamps.first, let last = series.timestamps.last else { return 0 }
            let overlapping = stored.slice(UnixNanos(first)...UnixNanos(last))
            if policy == .refuse && !overlapping.isEmpty {
                throw .overlap(series: key, storedRows: overlapping.count, from: UnixNanos(first), to: UnixNanos(last))
            }
            // Merge: imported rows win at equal timestamps.
            var merged = BarSeries(barType: stored.barType, pricePrecision: stored.pricePrecision, sizePrecision: stored.sizePrecision)
            var i = 0
            var j = 0
            while i < stored.count || j < series.count {
                if j == series.count || (i < stored.count && stored.timestamps[i] < series.timestamps[j]) {
                    merged.appendRaw(from: stored, i)
                    i += 1
                } else {
                    if i < stored.count && stored.timestamps[i] == series.timestamps[j] { i += 1 }
                    merged.appendRaw(from: series, j)
                    j += 1
                }
            }
            s.bars[key] = merged
            return series.count
        }
    }

    public func bars(_ barType: BarType, in range: ClosedRange<UnixNanos>?) throws(StoreError) -> BarSeries? {
        state.withLock { s in
            guard let stored = s.bars[barType.description] else { return nil }
            return range.map { stored.slice($0) } ?? stored
        }
    }

    public func series() throws(StoreError) -> [StoredSeries] {
        state.withLock { s in
            s.bars.keys.sorted().compactMap { key in
                s.bars[key].map {
                    StoredSeries(
                        barType: $0.barType, pricePrecision: $0.pricePrecision, sizePrecision: $0.sizePrecision, count: $0.count,
                        first: $0.timestamps.first.map(UnixNanos.init), last: $0.timestamps.last.map(UnixNanos.init))
                }
            }
        }
    }

    public func importTrades(_ ticks: [TradeTick], policy: OverlapPolicy) throws(StoreError) -> Int {
        try state.withLock { (s: inout State) throws(StoreError) -> Int in
            try Self.importTicks(ticks, into: &s.trades, policy: policy, time: \.tsEvent, instrument: \.instrumentID)
        }
    }

    public func trades(_ instrumentID: InstrumentID, in range: ClosedRange<UnixNanos>?) throws(StoreError) -> [TradeTick] {
        state.withLock { s in (s.trades[instrumentID] ?? []).filter { range?.contains($0.tsEvent) ?? true } }
    }

    public func importQuotes(_ ticks: [QuoteTick], policy: OverlapPolicy) throws(StoreError) -> Int {
        try state.withLock { (s: inout State) throws(StoreError) -> Int in
            try Self.importTicks(ticks, into: &s.quotes, policy: policy, time: \.tsEvent, instrument: \.instrumentID)
        }
    }

    public func quotes(_ instrumentID: InstrumentID, in range: ClosedRange<UnixNanos>?) throws(StoreError) -> [QuoteTick] {
        state.withLock { s in (s.quotes[instrumentID] ?? []).filter { range?.contains($0.tsEvent) ?? true } }
    }

    /// Ticks of several instruments are grouped; each group is checked, then all are applied.
    private static func importTicks<T>(
        _ ticks: [T], into table: inout [InstrumentID: [T]], policy: OverlapPolicy, time: KeyPath<T, UnixNanos>,
        instrument: KeyPath<T, InstrumentID>
    ) throws(StoreError) -> Int {
        var groups: [InstrumentID: [T]] = [:]
        for tick in ticks { groups[tick[keyPath: instrument], default: []].append(tick) }
        var updated: [InstrumentID: [T]] = [:]
        for (id, group) in groups {
            try group.checkTicksOrdered({ $0[keyPath: time] }, series: id.description)
            guard let first = group.first?[keyPath: time], let last = group.last?[keyPath: time] else { continue }
            let stored = table[id] ?? []
            let overlapping = stored.filter { (first...last).contains($0[keyPath: time]) }
            if policy == .refuse && !overlapping.isEmpty {
                throw .overlap(series: id.description, storedRows: overlapping.count, from: first, to: last)
            }
            let kept = stored.filter { !(first...last).contains($0[keyPath: time]) }
            let before = kept.filter { $0[keyPath: time] < first }
            let after = kept.filter { $0[keyPath: time] > last }
            updated[id] = before + group + after
        }
        for (id, merged) in updated { table[id] = merged }
        return ticks.count
    }

    public func save(_ instrument: Instrument) throws(StoreError) {
        state.withLock { $0.instruments[instrument.id] = instrument }
    }

    public func instrument(_ id: InstrumentID) throws(StoreError) -> Instrument? {
        state.withLock { $0.instruments[id] }
    }

    public func instruments() throws(StoreError) -> [Instrument] {
        state.withLock { s in s.instruments.values.sorted { $0.id.description < $1.id.description } }
    }
}

extension BarSeries {
    /// Appends row `i` of `other` (same precisions).
    mutating func appendRaw(from other: BarSeries, _ i: Int) {
        appendRaw(
            timestamp: other.timestamps[i], open: other.opens[i], high: other.highs[i], low: other.lows[i], close: other.closes[i],
            volume: other.volumes[i])
    }
}
