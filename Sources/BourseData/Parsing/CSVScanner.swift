/// A byte-level CSV row scanner over a buffer: RFC 4180 quoting (`"a,b"`, `""` for a
/// quote), LF or CRLF line ends, a UTF-8 byte-order mark, empty lines and comment
/// lines skipped. Fields are reported as byte ranges into the buffer (a quoted field's
/// range excludes its quotes), kept in storage the scanner owns, so scanning allocates
/// nothing per row (only when a row has more fields than any before it).
struct CSVScanner: ~Copyable {
    let base: UnsafePointer<UInt8>
    let count: Int
    let delimiter: UInt8
    /// Lines starting with this byte are skipped (`#`), if set.
    let commentByte: UInt8?
    // Internal, not private: the one-pass row reader (`CSVScanner+BarRow.swift`) moves them too.
    var position: Int
    var nextLine = 1
    /// The 1-based line number the current row starts on.
    var line = 0
    /// Field `k`'s start offset at `2k`, its end offset (exclusive) at `2k + 1`.
    private var bounds: UnsafeMutablePointer<Int>
    private var capacity: Int
    /// How many fields the current row has.
    var fieldCount = 0
    /// Whether the current row ended with a line break (false for a last line cut short).
    var terminated = true
    /// Whether a field of the current row holds a doubled quote that ``text(_:)`` unescapes.
    var hasEscapedQuote = false
    /// Byte offset where the current row starts.
    var rowStart = 0

    init(base: UnsafePointer<UInt8>, count: Int, delimiter: UInt8 = 0x2C, commentByte: UInt8? = nil) {
        self.base = base
        self.count = count
        self.delimiter = delimiter
        self.commentByte = commentByte
        let bom = count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF
        position = bom ? 3 : 0
        capacity = 16
        bounds = .allocate(capacity: 2 * capacity)
    }

    deinit { bounds.deallocate() }

    /// The start offset of field `k` (`k < fieldCount`).
    @inline(__always)
    func start(_ k: Int) -> Int { bounds[2 &* k] }

    /// The end offset (exclusive) of field `k` (`k < fieldCount`).
    @inline(__always)
    func end(_ k: Int) -> Int { bounds[2 &* k &+ 1] }

    /// Field `k` as a range.
    @inline(__always)
    func field(_ k: Int) -> FieldRange { (bounds[2 &* k], bounds[2 &* k &+ 1]) }

    /// Byte offset just past the current row (and its line break).
    var rowEnd: Int { position }

    /// Moves to the next non-empty, non-comment row; `false` at the end of the buffer.
    ///
    /// - Complexity: O(row length).
    @inline(__always)
    mutating func nextRow() -> Bool {
        guard skipToRow() else { return false }
        scanRow()
        return true
    }

    /// Skips empty and comment lines; `false` at the end of the buffer.
    @inline(__always)
    mutating func skipToRow() -> Bool {
        while position < count {
            let c = base[position]
            if c == 0x0A {
                position += 1
                nextLine += 1
            } else if c == 0x0D && position + 1 < count && base[position + 1] == 0x0A {
                position += 2
                nextLine += 1
            } else if let commentByte, c == commentByte {
                while position < count && base[position] != 0x0A { position += 1 }
            } else {
                return true
            }
        }
        return false
    }

    @inline(__always)
    private mutating func record(_ start: Int, _ end: Int) {
        if fieldCount == capacity { grow() }
        bounds[2 &* fieldCount] = start
        bounds[2 &* fieldCount &+ 1] = end
        fieldCount &+= 1
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<Int>.allocate(capacity: 4 * capacity)
        larger.moveInitialize(from: bounds, count: 2 * capacity)
        bounds.deallocate()
        bounds = larger
        capacity *= 2
    }

    @inline(__always)
    mutating func scanRow() {
        fieldCount = 0
        hasEscapedQuote = false
        line = nextLine
        rowStart = position
        let base = base
        let count = count
        let delimiter = delimiter
        var i = position
        while true {
            if i < count && base[i] == 0x22 {
                i += 1
                let start = i
                while i < count {
                    let c = base[i]
                    if c == 0x22 {
                        if i + 1 < count && base[i + 1] == 0x22 {
                            hasEscapedQuote = true
                            i += 2
                            continue
                        }
                        break
                    }
                    if c == 0x0A { nextLine += 1 }
                    i += 1
                }
                record(start, i)
                if i < count { i += 1 }  // closing quote
                while i < count && base[i] != delimiter && base[i] != 0x0A && base[i] != 0x0D { i += 1 }
            } else {
                let start = i
                i = fieldEnd(from: i)
                record(start, i)
            }
            if i < count && base[i] == delimiter {
                i += 1
                continue
            }
            break
        }
        if i >= count {
            terminated = false
        } else {
            terminated = true
            if base[i] == 0x0D { i += 1 }
            if i < count && base[i] == 0x0A { i += 1 }
            nextLine += 1
        }
        position = i
    }

    /// The offset of the first delimiter or line break at or after `from` (or `count`).
    /// Eight bytes at a time while they fit in the buffer: a byte equal to the delimiter,
    /// LF or CR shows as a zero byte of `word ^ pattern`, found by the classic SWAR test
    /// (exact for the lowest such byte, which is the one wanted).
    @inline(__always)
    func fieldEnd(from: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let delimiters = UInt64(delimiter) &* ones
        let lineFeeds = 0x0A &* ones
        let returns = 0x0D &* ones
        @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        var i = from
        while i &+ 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            let found = zeroBytes(word ^ delimiters) | zeroBytes(word ^ lineFeeds) | zeroBytes(word ^ returns)
            if found != 0 { return i &+ found.trailingZeroBitCount >> 3 }
            i &+= 8
        }
        while i < count {
            let c = base[i]
            if c == delimiter || c == 0x0A || c == 0x0D { return i }
            i &+= 1
        }
        return count
    }

    /// Whether the current row is the last one in the buffer.
    var atEnd: Bool {
        var i = position
        while i < count && (base[i] == 0x0A || base[i] == 0x0D) { i += 1 }
        return i >= count
    }

    /// The text of field `index`, quotes unescaped (for headers and labels, not hot paths).
    func text(_ index: Int) -> String {
        let bytes = UnsafeBufferPointer(start: base + start(index), count: end(index) - start(index))
        let raw = String(decoding: bytes, as: UTF8.self)
        return hasEscapedQuote ? raw.replacingOccurrences("\"\"", with: "\"") : raw
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation).
    fileprivate func replacingOccurrences(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
