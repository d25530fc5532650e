/// A point in time: nanoseconds since the Unix epoch, UTC.
///
/// The only time type in the domain; `Date` appears only at the edges.
/// Arithmetic with ``Nanoseconds`` traps on overflow like any `Int64`
/// arithmetic (the representable range is 1677-09-21 … 2262-04-11).
public struct UnixNanos: Sendable, Hashable, Comparable, Codable {
    /// Nanoseconds since 1970-01-01T00:00:00Z.
    public var rawValue: Int64

    @inlinable
    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    /// The epoch itself.
    public static let zero = UnixNanos(0)

    @inlinable
    public static func < (lhs: UnixNanos, rhs: UnixNanos) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `self` moved by a duration.
    @inlinable
    public static func + (lhs: UnixNanos, rhs: Nanoseconds) -> UnixNanos { UnixNanos(lhs.rawValue + rhs.rawValue) }

    /// `self` moved back by a duration.
    @inlinable
    public static func - (lhs: UnixNanos, rhs: Nanoseconds) -> UnixNanos { UnixNanos(lhs.rawValue - rhs.rawValue) }

    /// The duration between two points in time.
    @inlinable
    public static func - (lhs: UnixNanos, rhs: UnixNanos) -> Nanoseconds { Nanoseconds(lhs.rawValue - rhs.rawValue) }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension UnixNanos: CustomStringConvertible {
    /// ISO-8601 in UTC with nanoseconds, e.g. `2024-01-02T09:30:00.000000000Z`.
    public var description: String { CivilDateTime(self).iso8601 }
}
