public import BourseCore

/// The times of the last `capacity` recorded events in a ring buffer, to answer "are there
/// fewer than `capacity` events in `(t − window, t]`?" in O(1) without allocating.
public struct SlidingWindow: Sendable {
    public let capacity: Int
    public let window: Nanoseconds
    private var times: [UnixNanos]
    private var next = 0
    private var count = 0

    public init(capacity: Int, window: Nanoseconds) {
        self.capacity = max(capacity, 0)
        self.window = window
        times = Array(repeating: .zero, count: max(capacity, 1))
    }

    /// How many recorded events lie in `(t − window, t]`, up to ``capacity``, i.e. whether one more fits.
    public func allows(at t: UnixNanos) -> Bool {
        guard capacity > 0 else { return false }
        guard count == capacity else { return true }
        return times[next].rawValue <= t.rawValue - window.rawValue  // the oldest of the last `capacity` has left
    }

    /// Records an event at `t` (times must not decrease).
    public mutating func record(_ t: UnixNanos) {
        guard capacity > 0 else { return }
        times[next] = t
        next = next + 1 == capacity ? 0 : next + 1
        count = min(count + 1, capacity)
    }
}
