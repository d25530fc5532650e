/// A deterministic clock for backtests and tests: time moves only when told to, and
/// timers and alerts come back as values from ``advance(to:)`` in time order (ties in the
/// order they were set) instead of calling back.
///
/// A reference type, so the kernel and the components it owns share one clock.
///
/// ```swift
/// let clock = TestClock(now: UnixNanos(0))
/// try clock.setTimer(name: "rebalance", interval: .minutes(1))
/// let events = try clock.advance(to: UnixNanos(0) + .minutes(3))   // 3 ticks, at 1, 2 and 3 minutes
/// ```
public final class TestClock: Clock {
    // Read on every event of a backtest by one thread: skip the dynamic exclusivity checks.
    /// The current time.
    @exclusivity(unchecked) public private(set) var now: UnixNanos
    @exclusivity(unchecked) private var schedule = TimerSchedule() { didSet { nextDueRaw = schedule.nextDue?.rawValue ?? .max } }
    /// When the next timer or alert is due (`Int64.max`: none), kept with the schedule so that
    /// ``advanceIfNothingDue(to:)`` costs one comparison.
    @exclusivity(unchecked) private var nextDueRaw = Int64.max

    public init(now: UnixNanos = .zero) {
        self.now = now
    }

    /// Names of the active timers and alerts, in the order they were set.
    public var timerNames: [String] { schedule.names }

    /// When the next timer or alert is due.
    public var nextEventTime: UnixNanos? { schedule.nextDue }

    /// Sets a repeating timer ticking every `interval` from `start` (default: now), until `stop`.
    public func setTimer(
        name: String, interval: Nanoseconds, start: UnixNanos? = nil, stop: UnixNanos? = nil
    ) throws(ClockError) {
        let start = start ?? now
        guard start >= now else { throw .inThePast(name, at: start, now: now) }
        try schedule.setTimer(name: name, interval: interval, start: start, stop: stop)
    }

    /// Sets a one-shot alert at `time` (not before now; an alert at now fires on the next advance).
    public func setTimeAlert(name: String, at time: UnixNanos) throws(ClockError) {
        guard time >= now else { throw .inThePast(name, at: time, now: now) }
        try schedule.setAlert(name: name, at: time)
    }

    /// Cancels a timer or alert; returns whether it was set.
    @discardableResult
    public func cancelTimer(name: String) -> Bool { schedule.cancel(name: name) }

    /// Moves the time forward to `time` and returns the events that came due, in time order.
    @discardableResult
    public func advance(to time: UnixNanos) throws(ClockError) -> [TimeEvent] {
        guard time >= now else { throw .backwards(from: now, to: time) }
        now = time
        return schedule.popDue(upTo: time)
    }

    /// Moves the time forward to `time` and returns `true` when no timer or alert comes due by
    /// then (a backtest's event loop, without building an event list); returns `false` and
    /// leaves the time alone when one does or `time` is before now: call ``advance(to:)`` then.
    /// - Complexity: O(1).
    public func advanceIfNothingDue(to time: UnixNanos) -> Bool {
        guard time.rawValue < nextDueRaw, time >= now else { return false }
        now = time
        return true
    }

    /// Moves the time forward by `duration` and returns the events that came due.
    @discardableResult
    public func advance(by duration: Nanoseconds) throws(ClockError) -> [TimeEvent] {
        try advance(to: now + duration)
    }
}
