/// Why a timer or alert could not be set, or the clock not moved.
public enum ClockError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A timer or alert name that is empty.
    case emptyName
    /// A timer or alert with this name is already set.
    case duplicateName(String)
    /// A repeating timer needs a positive interval.
    case nonPositiveInterval(String, Nanoseconds)
    /// An alert or timer start before the current time.
    case inThePast(String, at: UnixNanos, now: UnixNanos)
    /// A timer whose stop time is before its first tick.
    case stopBeforeFirstTick(String)
    /// The test clock cannot go back in time.
    case backwards(from: UnixNanos, to: UnixNanos)

    public var description: String {
        switch self {
        case .emptyName: "a timer or alert needs a name"
        case .duplicateName(let name): "a timer or alert named '\(name)' is already set"
        case .nonPositiveInterval(let name, let interval): "timer '\(name)': interval \(interval.rawValue) ns must be positive"
        case .inThePast(let name, let at, let now): "'\(name)' at \(at) is before the current time \(now)"
        case .stopBeforeFirstTick(let name): "timer '\(name)' stops before its first tick"
        case .backwards(let from, let to): "the clock cannot move back from \(from) to \(to)"
        }
    }
}
