/// A UTC calendar date and time of day, converted exactly to and from ``UnixNanos``
/// (proleptic Gregorian calendar, no leap seconds, no Foundation).
///
/// ```swift
/// let t = try CivilDateTime(year: 2024, month: 1, day: 2, hour: 9, minute: 30).unixNanos
/// CivilDateTime(t).iso8601   // "2024-01-02T09:30:00.000000000Z"
/// ```
public struct CivilDateTime: Sendable, Hashable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    public var nanosecond: Int

    /// A validated calendar date-time; throws ``CivilDateTimeError`` for impossible fields.
    public init(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, nanosecond: Int = 0
    ) throws(CivilDateTimeError) {
        guard (1...12).contains(month) else { throw .fieldOutOfRange(field: "month", value: month) }
        guard (1...Self.daysInMonth(year: year, month: month)).contains(day) else {
            throw .fieldOutOfRange(field: "day", value: day)
        }
        guard (0...23).contains(hour) else { throw .fieldOutOfRange(field: "hour", value: hour) }
        guard (0...59).contains(minute) else { throw .fieldOutOfRange(field: "minute", value: minute) }
        guard (0...59).contains(second) else { throw .fieldOutOfRange(field: "second", value: second) }
        guard (0...999_999_999).contains(nanosecond) else {
            throw .fieldOutOfRange(field: "nanosecond", value: nanosecond)
        }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.nanosecond = nanosecond
    }

    /// The calendar fields of a point in time, in UTC.
    public init(_ time: UnixNanos) {
        let (days, nanosOfDay) = time.rawValue.floorDivided(by: Nanoseconds.perDay)
        let (y, m, d) = Self.civil(fromDays: days)
        year = y
        month = m
        day = d
        hour = Int(nanosOfDay / Nanoseconds.perHour)
        minute = Int(nanosOfDay / Nanoseconds.perMinute % 60)
        second = Int(nanosOfDay / Nanoseconds.perSecond % 60)
        nanosecond = Int(nanosOfDay % Nanoseconds.perSecond)
    }

    /// The point in time these fields name, in UTC.
    public var unixNanos: UnixNanos {
        let days = Self.days(fromCivil: year, month, day)
        let seconds = Int64(hour * 3600 + minute * 60 + second)
        return UnixNanos(days * Nanoseconds.perDay + seconds * Nanoseconds.perSecond + Int64(nanosecond))
    }

    /// Days since the epoch of this date (midnight UTC).
    public var daysSinceEpoch: Int64 { Self.days(fromCivil: year, month, day) }

    /// Day of week, 1 = Monday … 7 = Sunday (ISO 8601).
    public var isoWeekday: Int {
        let d = daysSinceEpoch  // 1970-01-01 was a Thursday (4)
        return Int((d + 3).floorDivided(by: 7).remainder) + 1
    }

    /// `YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ`.
    public var iso8601: String {
        "\(isoDate)T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)).\(pad(nanosecond, 9))Z"
    }

    /// `YYYY-MM-DD`.
    public var isoDate: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    public static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (Int(y), Int(m), Int(d))
    }
}

/// Why calendar fields do not name a real UTC date-time.
public enum CivilDateTimeError: Error, Equatable, CustomStringConvertible {
    case fieldOutOfRange(field: String, value: Int)

    public var description: String {
        switch self {
        case .fieldOutOfRange(let field, let value): "\(field) \(value) is out of range"
        }
    }
}

extension Int64 {
    /// Floor division and a non-negative remainder (for times before the epoch).
    @inlinable
    func floorDivided(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let q = self / divisor
        let r = self % divisor
        return r < 0 ? (q - 1, r + divisor) : (q, r)
    }
}

/// Zero-padded decimal digits of a non-negative value.
func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
