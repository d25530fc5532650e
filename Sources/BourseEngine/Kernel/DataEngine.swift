public import BourseCore
public import BourseData

/// The kernel's data engine: several streams (bar series, quote ticks, trade ticks, any
/// number of instruments and bar specs) merged into one sequence in timestamp order.
///
/// **Ordering rule** (stable, documented): events are ordered by `tsEvent` (a bar's close
/// time); at equal timestamps, timers come first (the kernel fires them when the clock
/// reaches the time), then data in the order the streams were added to the engine; within
/// one stream, in row order. Each stream must be sorted by time (checked when added).
///
/// - Complexity: ``next()`` is O(s) for s streams, allocation-free.
public struct DataEngine: Sendable {
    /// One input stream.
    public enum Stream: Sendable {
        case bars(BarSeries)
        case quotes([QuoteTick])
        case trades([TradeTick])

        var count: Int {
            switch self {
            case .bars(let s): s.count
            case .quotes(let q): q.count
            case .trades(let t): t.count
            }
        }

        func ts(_ row: Int) -> Int64 {
            switch self {
            case .bars(let s): s.timestamps[row]
            case .quotes(let q): q[row].tsEvent.rawValue
            case .trades(let t): t[row].tsEvent.rawValue
            }
        }

        var instrumentID: InstrumentID? {
            switch self {
            case .bars(let s): s.barType.instrumentID
            case .quotes(let q): q.first?.instrumentID
            case .trades(let t): t.first?.instrumentID
            }
        }
    }

    public private(set) var streams: [Stream] = []
    /// For each stream, the bar stream it was aggregated from (``addAggregated(_:from:)``), or `nil`
    /// for input data.
    public private(set) var sources: [Int?] = []
    private var times: [[Int64]] = []
    private var heads: [Int] = []
    private var headTimes: [Int64] = []

    public init() {}

    /// Adds a stream; throws when it is not sorted by time or mixes instruments.
    public mutating func add(_ stream: Stream) throws(EngineError) {
        var previous = Int64.min
        for row in 0..<stream.count {
            let ts = stream.ts(row)
            guard ts >= previous else {
                throw .data("stream \(streams.count + 1) (\(stream.instrumentID.map(String.init(describing:)) ?? "?")) goes back in time at row \(row + 1)")
            }
            previous = ts
        }
        let mixed: Bool
        switch stream {
        case .quotes(let q): mixed = Set(q.map(\.instrumentID)).count > 1
        case .trades(let t): mixed = Set(t.map(\.instrumentID)).count > 1
        case .bars: mixed = false
        }
        if mixed { throw .data("a tick stream must hold one instrument") }
        streams.append(stream)
        sources.append(nil)
        if case .bars(let series) = stream { times.append(series.timestamps) } else { times.append((0..<stream.count).map(stream.ts)) }
        heads.append(0)
        headTimes.append(stream.count > 0 ? stream.ts(0) : .max)
    }

    /// Builds the bars of `target` on the fly from a bar stream of the same instrument (the
    /// finest whose step divides the target's, same price type) with BourseData's
    /// ``BarResampler`` (UTC-aligned intervals; a bar's time is the end of its interval; the
    /// last, possibly incomplete, interval included), and adds them as a new stream. Rows closing
    /// before `from` are skipped, so a subscription made during a run gets the bars still to come.
    ///
    /// The new stream comes last in tie order: a 5-minute bar closing at 10:05 follows the
    /// 1-minute bar that completes it. Returns the index of the new stream.
    public mutating func addAggregated(_ target: BarType, from: Int64) throws(EngineError) -> Int {
        let candidates = streams.indices.compactMap { i -> (Int, BarSeries, Int64)? in
            guard sources[i] == nil, case .bars(let series) = streams[i], series.barType.instrumentID == target.instrumentID,
                series.barType.spec.priceType == target.spec.priceType, let step = series.barType.spec.duration?.rawValue,
                let targetStep = target.spec.duration?.rawValue, targetStep % step == 0
            else { return nil }
            return (i, series, step)
        }
        guard let (source, series, _) = candidates.min(by: { $0.2 < $1.2 }) else {
            let have = streams.compactMap { stream -> String? in
                guard case .bars(let s) = stream, s.barType.instrumentID == target.instrumentID else { return nil }
                return s.barType.spec.description
            }
            throw .configuration(
                "no data for \(target), and none to build it from: it needs fixed-length time bars of \(target.instrumentID) "
                    + "whose step divides \(target.spec) (the run has \(have.isEmpty ? "none of that instrument" : have.joined(separator: ", ")))")
        }
        let built: BarSeries
        do { built = try BarResampler.resample(series, to: target.spec) } catch { throw .data("aggregating \(series.barType) to \(target): \(error)") }
        let skip = built.timestamps.partitioningIndex { $0 >= from }
        try add(.bars(built))
        sources[sources.count - 1] = source
        heads[heads.count - 1] = skip
        headTimes[headTimes.count - 1] = skip < built.count ? built.timestamps[skip] : .max
        return streams.count - 1
    }

    /// The timestamp of `row` in `stream`.
    @inline(__always)
    public func time(stream: Int, row: Int) -> Int64 { times[stream][row] }

    /// When the data begins: the earliest open time of a first bar (its close time minus the
    /// bar spec's duration; a tick's own time), `nil` without data.
    public var firstOpenTime: UnixNanos? {
        streams.compactMap { stream -> Int64? in
            guard stream.count > 0 else { return nil }
            guard case .bars(let series) = stream else { return stream.ts(0) }
            return stream.ts(0) - (series.barType.spec.duration?.rawValue ?? 0)
        }.min().map(UnixNanos.init)
    }

    /// The largest step that divides every bar stream's duration (1 with tick streams or bars
    /// of no fixed duration): the equity curve's times are mostly a multiple of it apart.
    public var commonStep: Int64 {
        func gcd(_ a: Int64, _ b: Int64) -> Int64 { b == 0 ? a : gcd(b, a % b) }
        var step: Int64 = 0
        for stream in streams {
            guard case .bars(let series) = stream, let duration = series.barType.spec.duration?.rawValue, duration > 0 else { return 1 }
            step = gcd(duration, step)
        }
        return max(step, 1)
    }

    /// Total number of events.
    public var eventCount: Int { streams.reduce(0) { $0 + $1.count } }

    /// The next row of `stream` if it has one at exactly `ts` (a look ahead; nothing is consumed).
    @inline(__always)
    public func pendingRow(of stream: Int, at ts: Int64) -> Int? { headTimes[stream] == ts ? heads[stream] : nil }

    /// The time of the next event, `nil` at the end.
    public var nextTime: Int64? {
        let earliest = headTimes.min() ?? .max
        return earliest == .max ? nil : earliest
    }

    /// The next events of one stream with no event of another stream between them (by the
    /// ordering rule): the stream index and the rows, all consumed; `nil` at the end. Rows
    /// left unprocessed go back with ``giveBack(stream:from:)``. Internal: the caller must give
    /// back exactly the rows it took (the kernel does; tests use `@testable`).
    /// - Complexity: O(s + log r) for s streams and a run of r rows: the end of the run is found
    ///   by galloping from its first row, so streams sharing timestamps (runs of one row) cost O(s) each.
    mutating func nextRun() -> (stream: Int, rows: Range<Int>)? {
        guard !headTimes.isEmpty else { return nil }
        // One pass: the stream with the earliest head (the first added among equals), and the
        // earliest other head, the limit of the run, with the first stream added at that time.
        var (best, bestTime) = (0, headTimes[0])
        var (limit, limitStream) = (Int64.max, Int.max)
        for i in 1..<headTimes.count {
            let time = headTimes[i]
            if time < bestTime {
                (limit, limitStream) = (bestTime, best)
                (best, bestTime) = (i, time)
            } else if time < limit {
                (limit, limitStream) = (time, i)
            }
        }
        guard bestTime != .max else { return nil }
        // `best` runs up to the limit, inclusive when it was added before the streams waiting there.
        let inclusive = best < limitStream
        let first = heads[best]
        let end: Int
        if limit == .max {
            end = times[best].count
        } else if inclusive {
            end = times[best].gallopingIndex(from: first) { $0 > limit }
        } else {
            end = times[best].gallopingIndex(from: first) { $0 >= limit }
        }
        heads[best] = end
        headTimes[best] = end < times[best].count ? times[best][end] : .max
        return (best, first..<end)
    }

    /// The next row of each stream (a cursor a paper session's snapshot saves).
    var cursor: [Int] { heads }

    /// Moves every stream to the row `cursor` gives (a restore); `false` when a row is out of range.
    mutating func move(to cursor: [Int]) -> Bool {
        guard cursor.count == heads.count, cursor.indices.allSatisfy({ (0...times[$0].count).contains(cursor[$0]) }) else { return false }
        for stream in cursor.indices { giveBack(stream: stream, from: cursor[stream]) }
        return true
    }

    /// Gives back the rows of `stream` from `row` on (taken by ``nextRun()``, not processed).
    mutating func giveBack(stream: Int, from row: Int) {
        heads[stream] = row
        headTimes[stream] = row < times[stream].count ? times[stream][row] : .max
    }

    /// The next event: its stream index and row, or `nil` at the end.
    @inline(__always)
    public mutating func next() -> (stream: Int, row: Int)? {
        var best = 0
        if headTimes.count > 1 {
            for i in 1..<headTimes.count where headTimes[i] < headTimes[best] { best = i }
        }
        guard !headTimes.isEmpty, headTimes[best] != .max else { return nil }
        let row = heads[best]
        heads[best] = row + 1
        headTimes[best] = row + 1 < times[best].count ? times[best][row + 1] : .max
        return (best, row)
    }
}

extension Array where Element == Int64 {
    /// The first index whose element satisfies `belongs` (elements sorted so that it holds for a suffix).
    func partitioningIndex(where belongs: (Int64) -> Bool) -> Int { partitioningIndex(in: 0..<count, where: belongs) }

    /// The first index in `range` whose element satisfies `belongs` (`range.upperBound` if none;
    /// elements sorted so that it holds for a suffix of the range).
    func partitioningIndex(in range: Range<Int>, where belongs: (Int64) -> Bool) -> Int {
        var (low, high) = (range.lowerBound, range.upperBound)
        while low < high {
            let mid = low + (high - low) / 2
            if belongs(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }

    /// The first index from `start` on whose element satisfies `belongs` (`count` if none;
    /// elements sorted so that it holds for a suffix), by exponential search from `start`:
    /// O(log d) for an answer d places after `start`.
    func gallopingIndex(from start: Int, where belongs: (Int64) -> Bool) -> Int {
        var low = start
        var step = 1
        while low < count {
            let probe = low + Swift.min(step, count - low) - 1
            if belongs(self[probe]) { return partitioningIndex(in: low..<probe + 1, where: belongs) }
            low = probe + 1
            step &*= 2
        }
        return count
    }
}
