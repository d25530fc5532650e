/// A byte-level CSV row scanner over a buffer: RFC 4180 quoting (`"a,b"`, `""` for a
/// quote), LF or CRLF line ends, a UTF-8 byte-order mark, empty lines and comment
/// lines skipped. Fields are reported as byte ranges into the buffer (a quoted field's
/// range excludes its quotes), so scanning allocates nothing per row.
struct CSVScanner {
    let base: UnsafePointer<UInt8>
    let count: Int
    let delimiter: UInt8
    /// Lines starting with this byte are skipped (`#`), if set.
    let commentByte: UInt8?
    private var position: Int
    private var nextLine = 1
    /// The 1-based line number the current row starts on.
    private(set) var line = 0
    /// Field start offsets of the current row.
    private(set) var starts: [Int] = []
    /// Field end offsets (exclusive) of the current row.
    private(set) var ends: [Int] = []
    /// Whether the current row ended with a line break (false for a last line cut short).
    private(set) var terminated = true
    /// Whether a field of the current row holds a doubled quote that ``text(_:)`` unescapes.
    private(set) var hasEscapedQuote = false

    init(base: UnsafePointer<UInt8>, count: Int, delimiter: UInt8 = 0x2C, commentByte: UInt8? = nil) {
        self.base = base
        self.count = count
        self.delimiter = delimiter
        self.commentByte = commentByte
        let bom = count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF
        position = bom ? 3 : 0
        starts.reserveCapacity(16)
        ends.reserveCapacity(16)
    }

    var fieldCount: Int { starts.count }

    /// Moves to the next non-empty, non-comment row; `false` at the end of the buffer.
    ///
    /// - Complexity: O(row length).
    mutating func nextRow() -> Bool {
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
                scanRow()
                return true
            }
        }
        return false
    }

    @inline(__always)
    private mutating func scanRow() {
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        hasEscapedQuote = false
        line = nextLine
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
                starts.append(start)
                ends.append(i)
                if i < count { i += 1 }  // closing quote
                while i < count && base[i] != delimiter && base[i] != 0x0A && base[i] != 0x0D { i += 1 }
            } else {
                let start = i
                while i < count {
                    let c = base[i]
                    if c == delimiter || c == 0x0A || c == 0x0D { break }
                    i += 1
                }
                starts.append(start)
                ends.append(i)
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

    /// Whether the current row is the last one in the buffer.
    var atEnd: Bool {
        var i = position
        while i < count && (base[i] == 0x0A || base[i] == 0x0D) { i += 1 }
        return i >= count
    }

    /// The text of field `index`, quotes unescaped (for headers and labels, not hot paths).
    func text(_ index: Int) -> String {
        let bytes = UnsafeBufferPointer(start: base + starts[index], count: ends[index] - starts[index])
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
