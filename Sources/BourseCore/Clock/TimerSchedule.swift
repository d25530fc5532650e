import OrderedCollections

/// The deterministic bookkeeping of named timers and one-shot time alerts:
/// which are set, when each is next due, and the due events in time order.
/// Used by ``TestClock``; a live runner can drive the same schedule from the wall clock.
///
/// Events due at the same time come out in the order their timers or alerts were set.
public struct TimerSchedule: Sendable, Hashable {
    struct Entry: Sendable, Hashable {
        var next: UnixNanos
        /// `nil` for a one-shot alert.
        let interval: Nanoseconds?
        let stop: UnixNanos?
    }

    private var entries: OrderedDictionary<String, Entry> = [:]

    public init() {}

    /// Names of the active timers and alerts, in the order they were set.
    public var names: [String] { Array(entries.keys) }

    /// When the next event is due, `nil` when nothing is set.
    public var nextDue: UnixNanos? { entries.values.map(\.next).min() }

    /// Sets a repeating timer ticking at `start + interval`, `start + 2·interval`, … up to `stop` (inclusive).
    public mutating func setTimer(
        name: String, interval: Nanoseconds, start: UnixNanos, stop: UnixNanos? = nil
    ) throws(ClockError) {
        try checkNew(name)
        guard interval.rawValue > 0 else { throw .nonPositiveInterval(name, interval) }
        let first = start + interval
        if let stop, stop < first { throw .stopBeforeFirstTick(name) }
        entries[name] = Entry(next: first, interval: interval, stop: stop)
    }

    /// Sets a one-shot alert at `time`.
    public mutating func setAlert(name: String, at time: UnixNanos) throws(ClockError) {
        try checkNew(name)
        entries[name] = Entry(next: time, interval: nil, stop: nil)
    }

    /// Removes a timer or alert; returns whether it was set.
    @discardableResult
    public mutating func cancel(name: String) -> Bool { entries.removeValue(forKey: name) != nil }

    /// Removes and returns every event due at or before `time`, in time order (ties in the order
    /// the timers were set). Repeating timers are rescheduled; finished ones are removed.
    ///
    /// - Complexity: O(e × n) for e events and n timers.
    public mutating func popDue(upTo time: UnixNanos) -> [TimeEvent] {
        var due: [TimeEvent] = []
        while let index = earliestIndex(), entries.values[index].next <= time {
            let name = entries.keys[index]
            var entry = entries.values[index]
            due.append(TimeEvent(name: name, tsEvent: entry.next, tsInit: entry.next))
            if let interval = entry.interval, entry.stop.map({ entry.next + interval <= $0 }) ?? true {
                entry.next = entry.next + interval
                entries.values[index] = entry
            } else {
                entries.remove(at: index)
            }
        }
        return due
    }

    private func earliestIndex() -> Int? {
        var best: Int?
        for (index, entry) in entries.values.enumerated() where best.map({ entry.next < entries.values[$0].next }) ?? true {
            best = index
        }
        return best
    }

    private func checkNew(_ name: String) throws(ClockError) {
        guard !name.isEmpty else { throw .emptyName }
        guard entries[name] == nil else { throw .duplicateName(name) }
    }
}
