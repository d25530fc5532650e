import BourseCore

/// A run's equity curve: one point per timestamp (time, equity and gross exposure, raw) and
/// the index of each UTC day's last point, stored compactly (``CompactColumn``: about 12 bytes
/// a point instead of 24, exactly the same values).
///
/// The portfolio records it on every market data event; reports, metrics and the loss limits
/// read it by index.
public final class EquityCurve {
    @exclusivity(unchecked) private var times: CompactColumn
    @exclusivity(unchecked) private var equities: CompactColumn
    @exclusivity(unchecked) private var exposures: CompactColumn
    /// Indices of each UTC day's last point.
    @exclusivity(unchecked) public private(set) var dailyIndices: [Int] = []
    /// The start of the UTC day after the last point (a new day begins at or after it).
    @exclusivity(unchecked) private var nextDayStart: Int64 = .min

    /// An empty curve with room for `capacity` points whose times are mostly `timeStep` apart
    /// (any times are stored exactly; the step only makes the common case compact).
    init(capacity: Int, timeStep: Int64) {
        times = CompactColumn(quantum: timeStep, capacity: capacity)
        equities = CompactColumn(quantum: 1, capacity: capacity)
        exposures = CompactColumn(quantum: 1, capacity: capacity)
    }

    /// The number of points.
    public var count: Int { times.count }
    public var isEmpty: Bool { times.count == 0 }

    /// The time of point `index` (nanoseconds since the epoch).
    public func time(_ index: Int) -> Int64 { times[index] }
    /// The equity at point `index`, raw.
    public func equity(_ index: Int) -> Int64 { equities[index] }
    /// The gross exposure at point `index`, raw.
    public func exposure(_ index: Int) -> Int64 { exposures[index] }

    /// The time and the equity of the last point.
    public var lastTime: Int64? { times.lastValue }
    public var lastEquity: Int64? { equities.lastValue }

    /// Bytes held, for memory reports.
    public var bytes: Int { times.bytes + equities.bytes + exposures.bytes + dailyIndices.capacity * 8 }

    /// Records the equity and exposure at `ts`: replaces the last point when it has the same time.
    @inline(__always)
    func record(at ts: Int64, equity: Int64, exposure: Int64) {
        if times.count > 0 && times.lastValue == ts {
            equities.replaceLast(with: equity)
            exposures.replaceLast(with: exposure)
            return
        }
        if ts >= nextDayStart { startDay(at: ts) }
        times.append(ts)
        equities.append(equity)
        exposures.append(exposure)
    }

    /// Closes the daily sampling at the end of a run.
    func finish() {
        if count > 0 && dailyIndices.last != count - 1 { dailyIndices.append(count - 1) }
    }

    private func startDay(at ts: Int64) {
        if count > 0 { dailyIndices.append(count - 1) }
        nextDayStart = (Portfolio.day(of: ts) + 1) &* Nanoseconds.perDay
    }
}
