public import BourseCore

/// One line of a strategy's log, stamped with the kernel clock (deterministic).
public struct LogLine: Sendable, Hashable, Codable {
    public enum Level: String, Sendable, Hashable, Codable { case debug, info, warning, error }

    public let ts: UnixNanos
    public let level: Level
    public let message: String
}
