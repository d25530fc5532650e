public import BourseCore

/// Where a kernel's run is: ``Kernel/start()`` → any number of steps → ``Kernel/finish()``.
enum RunPhase {
    case ready
    case running
    case finished
}

/// Running the kernel in steps, for a session that does work between events (a paper or live
/// session journals, snapshots and reconciles after each bar) or a caller that stops and resumes.
///
/// `start()`, then steps, then `finish()` is exactly ``run()`` (which is written that way): the
/// same events in the same order through the same code, so a journaled run in steps writes the
/// same records as an uninterrupted one (tested in `KernelSteppingTests`).
///
/// ```swift
/// try kernel.start()
/// while try kernel.step(events: 1) == 1 { /* after each event: snapshot, check a kill switch… */ }
/// try kernel.finish()
/// ```
extension Kernel {
    /// Calls ``Strategy/onStart(_:)`` (and sends the commands it issued); once, before the first step.
    public func start() throws(EngineError) {
        guard phase == .ready else { throw .configuration("the kernel's run has already started") }
        phase = .running
        try call { (s: inout S, c) throws in try s.onStart(c) }
    }

    /// Processes the next `count` events (bars, quotes, trades, in the ``DataEngine`` order) or
    /// as many as are left; returns how many it processed (0 at the end of the data).
    @discardableResult
    public func step(events count: Int) throws(EngineError) -> Int {
        guard phase == .running else {
            throw .configuration(phase == .ready ? "start the kernel before stepping it" : "the kernel's run has finished")
        }
        guard count > 0 else { return 0 }
        return try advance(events: count)
    }

    /// Processes every event up to `time` (inclusive); returns how many it processed.
    @discardableResult
    public func run(until time: UnixNanos) throws(EngineError) -> Int {
        var processed = 0
        while let next = nextEventTime, next <= time { processed += try step(events: 1) }
        return processed
    }

    /// The time of the next event to process, `nil` when every event has been processed.
    public var nextEventTime: UnixNanos? { data.nextTime.map(UnixNanos.init) }

    /// Calls ``Strategy/onStop(_:)``, closes the equity curve and syncs the journal; once, after the last step.
    public func finish() throws(EngineError) {
        guard phase == .running else {
            throw .configuration(phase == .ready ? "start the kernel before finishing it" : "the kernel's run has already finished")
        }
        phase = .finished
        try call { (s: inout S, c) throws in try s.onStop(c) }
        portfolio.finishCurve()
        do { try recorder?.finish() } catch { throw .journal("\(error)") }
    }
}
