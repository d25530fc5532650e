/// A UUID in its 36-character text form (`8-4-4-4-12` hex digits) as 16 bytes, so that ids
/// such as broker order ids are stored inline (see `IdentifierStorage`, which keeps those of
/// the RFC 4122 variant).
///
/// Only texts whose hex letters are all lower case or all upper case qualify (texts with no
/// letters count as lower case), so that the text is exactly rebuilt from the bytes and a
/// text has one form only.
struct UUIDText {
    /// Bytes 0…7 of the UUID (the first 16 hex digits), big-endian.
    let high: UInt64
    /// Bytes 8…15, big-endian.
    let low: UInt64
    /// Whether the hex letters are upper case.
    let upperCase: Bool

    /// Whether the text form has a dash at `position`.
    private static func isDash(_ position: Int) -> Bool {
        position == 8 || position == 13 || position == 18 || position == 23
    }

    /// The UUID written by the UTF-8 bytes `text`, or `nil` when `text` is not a UUID in one
    /// letter case.
    init?(_ text: some Collection<UInt8>) {
        guard text.count == 36 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        var digits = 0
        var sawLower = false
        var sawUpper = false
        for (position, byte) in text.enumerated() {
            if Self.isDash(position) {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            let value: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"):
                value = byte - UInt8(ascii: "a") + 10
                sawLower = true
            case UInt8(ascii: "A")...UInt8(ascii: "F"):
                value = byte - UInt8(ascii: "A") + 10
                sawUpper = true
            default: return nil
            }
            if digits < 16 { high = high << 4 | UInt64(value) } else { low = low << 4 | UInt64(value) }
            digits += 1
        }
        guard !(sawLower && sawUpper) else { return nil }
        self.high = high
        self.low = low
        upperCase = sawUpper
    }

    /// The text form of the UUID `high`, `low`.
    static func string(high: UInt64, low: UInt64, upperCase: Bool) -> String {
        let letterBase = upperCase ? UInt8(ascii: "A") : UInt8(ascii: "a")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(36)
        for digit in 0..<32 {
            if isDash(bytes.count) { bytes.append(UInt8(ascii: "-")) }
            let word = digit < 16 ? high : low
            let nibble = UInt8(truncatingIfNeeded: word >> UInt64(60 - 4 * (digit % 16))) & 0xF
            bytes.append(nibble < 10 ? UInt8(ascii: "0") + nibble : letterBase + nibble - 10)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
