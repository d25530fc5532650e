/// A minimal JSON reader that keeps numbers and strings as byte ranges of the source,
/// so prices are parsed exactly by ``DecimalText`` (never through `Double`).
/// Strings with escapes are kept as ranges too (callers only read plain keys and values).
enum JSONNode {
    case object(keys: [String], values: [JSONNode])
    case array([JSONNode])
    /// The range between the quotes.
    case string(start: Int, end: Int)
    case number(start: Int, end: Int)
    case bool(Bool)
    case null

    /// The member named `key` of an object.
    subscript(key: String) -> JSONNode? {
        guard case .object(let keys, let values) = self, let k = keys.firstIndex(of: key) else { return nil }
        return values[k]
    }

    /// The byte range of a string or number.
    var range: FieldRange? {
        switch self {
        case .string(let s, let e), .number(let s, let e): (s, e)
        default: nil
        }
    }
}

/// Parses a JSON buffer into ``JSONNode``s; errors carry the line of the problem.
struct JSONReader {
    struct Failure: Error {
        let line: Int
        let reason: String
    }

    let base: UnsafePointer<UInt8>
    let count: Int
    private var i = 0

    init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
        if count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF { i = 3 }
    }

    /// The 1-based line of byte `offset`.
    func line(of offset: Int) -> Int {
        var line = 1
        for k in 0..<min(offset, count) where base[k] == 0x0A { line += 1 }
        return line
    }

    /// The whole document (one value, then only whitespace).
    mutating func document() throws(Failure) -> JSONNode {
        let node = try value()
        skipSpace()
        guard i == count else { throw failure("unexpected text after the JSON value") }
        return node
    }

    private func failure(_ reason: String) -> Failure { Failure(line: line(of: i), reason: reason) }

    private mutating func skipSpace() {
        while i < count, base[i] == 0x20 || base[i] == 0x0A || base[i] == 0x0D || base[i] == 0x09 { i += 1 }
    }

    private mutating func value() throws(Failure) -> JSONNode {
        skipSpace()
        guard i < count else { throw failure("the JSON ends early") }
        switch base[i] {
        case 0x7B: return try object()
        case 0x5B: return try array()
        case 0x22:
            let (s, e) = try string()
            return .string(start: s, end: e)
        case 0x74: return try literal("true", .bool(true))
        case 0x66: return try literal("false", .bool(false))
        case 0x6E: return try literal("null", .null)
        default:
            let s = i
            while i < count, base[i] == 0x2D || base[i] == 0x2B || base[i] == 0x2E || base[i] == 0x65 || base[i] == 0x45
                || base[i] &- 0x30 < 10
            {
                i += 1
            }
            guard i > s else { throw failure("unexpected character '\(Character(Unicode.Scalar(base[i])))'") }
            return .number(start: s, end: i)
        }
    }

    private mutating func literal(_ word: String, _ node: JSONNode) throws(Failure) -> JSONNode {
        let bytes = Array(word.utf8)
        let n = bytes.count
        guard i + n <= count else { throw failure("the JSON ends early") }
        for k in 0..<n where base[i + k] != bytes[k] { throw failure("expected \(word)") }
        i += n
        return node
    }

    private mutating func string() throws(Failure) -> (Int, Int) {
        i += 1
        let s = i
        while i < count && base[i] != 0x22 {
            if base[i] == 0x5C { i += 1 }
            i += 1
        }
        guard i < count else { throw failure("unterminated string") }
        i += 1
        return (s, i - 1)
    }

    private mutating func array() throws(Failure) -> JSONNode {
        i += 1
        var items: [JSONNode] = []
        skipSpace()
        if i < count && base[i] == 0x5D {
            i += 1
            return .array(items)
        }
        while true {
            items.append(try value())
            skipSpace()
            guard i < count else { throw failure("unterminated array") }
            if base[i] == 0x2C {
                i += 1
                continue
            }
            guard base[i] == 0x5D else { throw failure("expected ',' or ']'") }
            i += 1
            return .array(items)
        }
    }

    private mutating func object() throws(Failure) -> JSONNode {
        i += 1
        var keys: [String] = []
        var values: [JSONNode] = []
        skipSpace()
        if i < count && base[i] == 0x7D {
            i += 1
            return .object(keys: keys, values: values)
        }
        while true {
            skipSpace()
            guard i < count, base[i] == 0x22 else { throw failure("expected a member name") }
            let (s, e) = try string()
            let key = String(decoding: UnsafeBufferPointer(start: base + s, count: e - s), as: UTF8.self)
            skipSpace()
            guard i < count, base[i] == 0x3A else { throw failure("expected ':'") }
            i += 1
            keys.append(key)
            values.append(try value())
            skipSpace()
            guard i < count else { throw failure("unterminated object") }
            if base[i] == 0x2C {
                i += 1
                continue
            }
            guard base[i] == 0x7D else { throw failure("expected ',' or '}'") }
            i += 1
            return .object(keys: keys, values: values)
        }
    }
}
