import BourseCore

/// The daily session boundary of a venue: a closing time of day as an offset from midnight UTC.
enum TradingSession {
    /// The first session close after `time` (or at it, when `inclusive`), for a session closing
    /// `closeOffset` after midnight UTC every day.
    static func close(after time: UnixNanos, closeOffset: Nanoseconds, inclusive: Bool) -> UnixNanos {
        let day = Nanoseconds.perDay
        let offset = ((closeOffset.rawValue % day) + day) % day
        let base = time.rawValue - offset
        var days = base / day
        if base % day != 0 && base < 0 { days -= 1 }
        let start = days * day + offset
        if inclusive && start == time.rawValue { return time }
        return UnixNanos(start + day)
    }

    /// The two inner points (raw prices) of a bar's intrabar path, open → first → second → close: the high
    /// first when the open is nearer the high, else the low first.
    static func intrabarExtremes(open: Int64, high: Int64, low: Int64) -> (first: Int64, second: Int64) {
        high - open < open - low ? (high, low) : (low, high)
    }
}
