#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The wall clock (`CLOCK_REALTIME`), for live trading only.
public struct LiveClock: Clock, Sendable {
    public init() {}

    /// Nanoseconds since the epoch from `clock_gettime(CLOCK_REALTIME)`.
    public var now: UnixNanos {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return UnixNanos(Int64(spec.tv_sec) * Nanoseconds.perSecond + Int64(spec.tv_nsec))
    }
}
