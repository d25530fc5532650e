public import BourseCore

extension UnixNanos {
    /// A timestamp from text as the importers read it (`2024-01-31`, `2024-01-31T15:30:00Z`,
    /// `1706715000`, …; see ``TimestampFormat``); `nil` when the text is not one.
    /// A date alone is its midnight UTC.
    public init?(parsing text: String, format: TimestampFormat = .auto) {
        var bytes = Array(text.utf8)
        let count = bytes.count
        bytes.append(0)  // a valid base address even for empty text
        guard let parsed = bytes.withUnsafeBufferPointer({ TimestampText.parse($0.baseAddress!, 0, count, format: format) }) else {
            return nil
        }
        self.init(parsed.nanos)
    }
}
