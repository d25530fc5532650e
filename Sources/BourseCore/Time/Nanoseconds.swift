/// A signed duration in nanoseconds.
public struct Nanoseconds: Sendable, Hashable, Comparable, Codable {
    public var rawValue: Int64

    @inlinable
    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    public static let zero = Nanoseconds(0)
    public static let perMicrosecond: Int64 = 1_000
    public static let perMillisecond: Int64 = 1_000_000
    public static let perSecond: Int64 = 1_000_000_000
    public static let perMinute: Int64 = 60 * perSecond
    public static let perHour: Int64 = 60 * perMinute
    public static let perDay: Int64 = 24 * perHour

    public static func microseconds(_ n: Int64) -> Nanoseconds { Nanoseconds(n * perMicrosecond) }
    public static func milliseconds(_ n: Int64) -> Nanoseconds { Nanoseconds(n * perMillisecond) }
    public static func seconds(_ n: Int64) -> Nanoseconds { Nanoseconds(n * perSecond) }
    public static func minutes(_ n: Int64) -> Nanoseconds { Nanoseconds(n * perMinute) }
    public static func hours(_ n: Int64) -> Nanoseconds { Nanoseconds(n * perHour) }
    public static func days(_ n: Int64) -> Nanoseconds { Nanoseconds(n * perDay) }

    @inlinable
    public static func < (lhs: Nanoseconds, rhs: Nanoseconds) -> Bool { lhs.rawValue < rhs.rawValue }
    @inlinable
    public static func + (lhs: Nanoseconds, rhs: Nanoseconds) -> Nanoseconds { Nanoseconds(lhs.rawValue + rhs.rawValue) }
    @inlinable
    public static func - (lhs: Nanoseconds, rhs: Nanoseconds) -> Nanoseconds { Nanoseconds(lhs.rawValue - rhs.rawValue) }
    @inlinable
    public static func * (lhs: Nanoseconds, rhs: Int64) -> Nanoseconds { Nanoseconds(lhs.rawValue * rhs) }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
