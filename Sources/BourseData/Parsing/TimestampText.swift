import BourseCore

/// Byte-level timestamp parsing into Unix nanoseconds (UTC).
enum TimestampText {
    /// A parsed timestamp.
    struct Parsed: Sendable {
        var nanos: Int64
        /// The text carried an explicit zone (`Z`, `+01:00`).
        var zoned: Bool
        /// The text was a date without a time of day.
        var dateOnly: Bool
    }

    /// The last date converted to days, so that rows of the same day skip the calendar
    /// arithmetic (a file of minute bars has 1,440 rows per date).
    struct DayCache: Sendable {
        /// Whether the cache holds a date.
        fileprivate var filled = false
        /// The 10 bytes `YYYY-MM-DD`, as 8 + 2 bytes.
        fileprivate var head: UInt64 = 0
        fileprivate var tail: UInt16 = 0
        fileprivate var days: Int64 = 0
    }

    /// Parses `[start, end)` of `base`; `nil` when it is not a timestamp in `format`.
    ///
    /// - Complexity: O(length), no allocation.
    @inline(__always)
    static func parse(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, format: TimestampFormat) -> Parsed? {
        var cache = DayCache()
        return parse(base, start, end, format: format, cache: &cache)
    }

    /// Parses `[start, end)` of `base`, reusing `cache` when the date is the previous call's.
    @inline(__always)
    static func parse(
        _ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, format: TimestampFormat, cache: inout DayCache
    ) -> Parsed? {
        var s = start
        var e = end
        while s < e && base[s] == 0x20 { s += 1 }
        while e > s && base[e - 1] == 0x20 { e -= 1 }
        guard s < e else { return nil }
        switch format {
        case .iso8601: return iso(base, s, e, &cache)
        case .unixSeconds: return unix(base, s, e, unit: Nanoseconds.perSecond)
        case .unixMilliseconds: return unix(base, s, e, unit: Nanoseconds.perMillisecond)
        case .unixMicroseconds: return unix(base, s, e, unit: Nanoseconds.perMicrosecond)
        case .unixNanoseconds: return unix(base, s, e, unit: 1)
        case .auto:
            if e - s >= 10 && base[s + 4] == 0x2D { return iso(base, s, e, &cache) }
            let digits = e - s
            let unit: Int64 =
                digits <= 11
                ? Nanoseconds.perSecond
                : digits <= 14 ? Nanoseconds.perMillisecond : digits <= 17 ? Nanoseconds.perMicrosecond : 1
            return unix(base, s, e, unit: unit)
        }
    }

    @inline(__always)
    private static func unix(_ base: UnsafePointer<UInt8>, _ s: Int, _ e: Int, unit: Int64) -> Parsed? {
        var value: Int64 = 0
        var i = s
        let negative = base[i] == 0x2D
        if negative { i += 1 }
        guard i < e, e - i <= 19 else { return nil }
        while i < e {
            let d = base[i] &- 0x30
            guard d < 10 else { return nil }
            let (v, o1) = value.multipliedReportingOverflow(by: 10)
            let (w, o2) = v.addingReportingOverflow(Int64(d))
            guard !o1, !o2 else { return nil }
            value = w
            i += 1
        }
        let (nanos, overflow) = value.multipliedReportingOverflow(by: unit)
        guard !overflow else { return nil }
        return Parsed(nanos: negative ? -nanos : nanos, zoned: false, dateOnly: false)
    }

    /// Reads `count` digits at `i`; -1 when any is not a digit or the text is too short.
    @inline(__always)
    private static func digits(_ base: UnsafePointer<UInt8>, _ i: Int, _ count: Int, _ e: Int) -> Int {
        guard i + count <= e else { return -1 }
        var v = 0
        for k in i..<(i + count) {
            let d = base[k] &- 0x30
            guard d < 10 else { return -1 }
            v = v * 10 + Int(d)
        }
        return v
    }

    @inline(__always)
    private static func iso(_ base: UnsafePointer<UInt8>, _ s: Int, _ e: Int, _ cache: inout DayCache) -> Parsed? {
        guard s + 10 <= e else { return nil }
        let raw = UnsafeRawPointer(base + s)
        let head = raw.loadUnaligned(as: UInt64.self)
        let tail = raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
        if !cache.filled || head != cache.head || tail != cache.tail {
            let year = digits(base, s, 4, e)
            guard year >= 0, base[s + 4] == 0x2D, base[s + 7] == 0x2D else { return nil }
            let month = digits(base, s + 5, 2, e)
            let day = digits(base, s + 8, 2, e)
            guard (1...12).contains(month), day >= 1, day <= CivilDateTime.daysInMonth(year: year, month: month) else {
                return nil
            }
            cache = DayCache(filled: true, head: head, tail: tail, days: CivilDateTime.days(fromCivil: year, month, day))
        }
        var nanos = cache.days * Nanoseconds.perDay
        if s + 10 == e { return Parsed(nanos: nanos, zoned: false, dateOnly: true) }
        guard base[s + 10] == 0x54 || base[s + 10] == 0x20 else { return nil }
        var i = s + 11
        let hour = digits(base, i, 2, e)
        guard hour >= 0, hour < 24, i + 5 <= e, base[i + 2] == 0x3A else { return nil }
        let minute = digits(base, i + 3, 2, e)
        guard minute >= 0, minute < 60 else { return nil }
        i += 5
        var second = 0
        var fraction: Int64 = 0
        if i < e && base[i] == 0x3A {
            second = digits(base, i + 1, 2, e)
            guard second >= 0, second < 60 else { return nil }
            i += 3
            if i < e && (base[i] == 0x2E || base[i] == 0x2C) {
                i += 1
                var count = 0
                while i < e, base[i] &- 0x30 < 10 {
                    guard count < 9 else { return nil }
                    fraction = fraction * 10 + Int64(base[i] &- 0x30)
                    count += 1
                    i += 1
                }
                guard count > 0 else { return nil }
                fraction *= DecimalText.pow10(9 - count)
            }
        }
        nanos += Int64(hour) * Nanoseconds.perHour + Int64(minute) * Nanoseconds.perMinute
            + Int64(second) * Nanoseconds.perSecond + fraction
        if i == e { return Parsed(nanos: nanos, zoned: false, dateOnly: false) }
        if base[i] == 0x5A || base[i] == 0x7A {
            return i + 1 == e ? Parsed(nanos: nanos, zoned: true, dateOnly: false) : nil
        }
        guard base[i] == 0x2B || base[i] == 0x2D else { return nil }
        let sign: Int64 = base[i] == 0x2B ? 1 : -1
        let offsetHours = digits(base, i + 1, 2, e)
        guard offsetHours >= 0, offsetHours < 24 else { return nil }
        var j = i + 3
        if j < e && base[j] == 0x3A { j += 1 }
        let offsetMinutes = digits(base, j, 2, e)
        guard offsetMinutes >= 0, offsetMinutes < 60, j + 2 == e else { return nil }
        nanos -= sign * (Int64(offsetHours) * Nanoseconds.perHour + Int64(offsetMinutes) * Nanoseconds.perMinute)
        return Parsed(nanos: nanos, zoned: true, dateOnly: false)
    }
}
