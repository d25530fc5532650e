/// A timer tick or a time alert that came due.
public struct TimeEvent: Sendable, Hashable, CustomStringConvertible {
    /// The timer's or alert's name.
    public let name: String
    /// The time the event was scheduled for.
    public let tsEvent: UnixNanos
    /// When the event value was created (the scheduled time on a ``TestClock``).
    public let tsInit: UnixNanos

    public init(name: String, tsEvent: UnixNanos, tsInit: UnixNanos) {
        self.name = name
        self.tsEvent = tsEvent
        self.tsInit = tsInit
    }

    public var description: String { "\(name)@\(tsEvent)" }
}
