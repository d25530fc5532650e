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
        if case .bars(let series) = stream { times.append(series.timestamps) } else { times.append((0..<stream.count).map(stream.ts)) }
        heads.append(0)
        headTimes.append(stream.count > 0 ? stream.ts(0) : .max)
    }

    /// The timestamp of `row` in `stream`.
    @inline(__always)
    public func time(stream: Int, row: Int) -> Int64 { times[stream][row] }

    /// Total number of events.
    public var eventCount: Int { streams.reduce(0) { $0 + $1.count } }

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
