public import BourseCore

/// Splits time into consecutive sessions of a fixed length: session `n` covers
/// `[origin + n·length, origin + (n+1)·length)`.
///
/// ```swift
/// let utcDay = SessionRule.utcDay                                    // midnight UTC
/// let fxDay = try SessionRule(length: .days(1), origin: UnixNanos(22 * Nanoseconds.perHour))  // 22:00 UTC
/// ```
public struct SessionRule: Sendable, Hashable {
    public let length: Nanoseconds
    public let origin: UnixNanos

    /// - Throws: ``IndicatorError/invalidParameter(indicator:parameter:value:reason:)`` unless `length > 0`.
    public init(length: Nanoseconds, origin: UnixNanos = .zero) throws(IndicatorError) {
        guard length.rawValue > 0 else {
            throw .invalidParameter(
                indicator: "SessionRule", parameter: "length", value: Double(length.rawValue), reason: "must be > 0")
        }
        self.length = length
        self.origin = origin
    }

    /// Calendar days in UTC.
    public static let utcDay = SessionRule(validLength: .days(1), origin: .zero)

    init(validLength length: Nanoseconds, origin: UnixNanos) {
        self.length = length
        self.origin = origin
    }

    /// The number of the session holding `time` (floor division, so times before the
    /// origin work too; never traps).
    @inlinable
    public func session(of time: UnixNanos) -> Int64 {
        let (offset, overflow) = time.rawValue.subtractingReportingOverflow(origin.rawValue)
        if overflow { return time.rawValue < origin.rawValue ? Int64.min : Int64.max }
        let (q, r) = offset.quotientAndRemainder(dividingBy: length.rawValue)
        return r < 0 ? q - 1 : q
    }
}
