/// How a timestamp field is written.
public enum TimestampFormat: String, Sendable, Hashable, CaseIterable {
    /// ISO-8601 text when the field has a `-`, else Unix time with the unit guessed from
    /// the digit count (≤ 11 seconds, ≤ 14 milliseconds, ≤ 17 microseconds, else nanoseconds).
    case auto
    /// `YYYY-MM-DD`, or `YYYY-MM-DD[T| ]HH:MM[:SS[.fffffffff]]` with an optional zone
    /// (`Z`, `±HH:MM`, `±HHMM`). A date-time without a zone is read as UTC.
    case iso8601
    case unixSeconds, unixMilliseconds, unixMicroseconds, unixNanoseconds
}

/// Whether a file's timestamps label the bar's open or its close.
///
/// `Bar.tsEvent` is always the close time. With `.open`, `tsEvent = label + bar length`
/// (for month bars, `step` calendar months later). With `.close`, `tsEvent = label`,
/// except that a date without a time of day names the whole day, so the bar closed at
/// the end of it: `tsEvent = date + 1 day`. Daily files therefore give the same
/// `tsEvent` (next midnight UTC) with either label.
public enum TimestampLabel: String, Sendable, Hashable, CaseIterable {
    case open, close
}
