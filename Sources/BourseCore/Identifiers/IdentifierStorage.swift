import Synchronization

/// The text of an ``Identifier``, stored so that copying, comparing and hashing an id
/// touch plain bytes only — no reference count, no heap — because ids travel inside every
/// order event on the hot paths.
///
/// Texts of up to ``inlineCapacity`` UTF-8 bytes (nearly every id) are stored inline: bytes
/// 0…30 hold the text (zero-padded), byte 31 its length. Longer texts go to a process-wide
/// table of long ids, deduplicated, and the storage keeps their index (byte 31 is then
/// ``longMarker``). A text has exactly one storage, so equal storages mean equal texts.
///
/// Long ids are kept for the life of the process: fine for ids a run reuses (strategies,
/// accounts, symbols), a slow memory cost for ids made per order — keep generated ids
/// (client order, venue order, trade ids) within 31 characters.
@usableFromInline
struct IdentifierStorage: Sendable, Hashable {
    /// The 32 bytes, little-endian words (byte `i` is in word `i / 8`).
    @usableFromInline var words: (UInt64, UInt64, UInt64, UInt64)

    /// Longest text stored inline.
    @usableFromInline static var inlineCapacity: Int { 31 }
    /// Byte 31 of a long id's storage.
    static var longMarker: UInt8 { 0xFF }

    /// The storage of `text` (already validated: 1…64 ASCII bytes).
    init(_ text: String) {
        words = (0, 0, 0, 0)
        let count = text.utf8.count
        guard count <= Self.inlineCapacity else {
            words.0 = LongIdentifiers.index(of: text)
            words.3 = UInt64(Self.longMarker) << 56
            return
        }
        withUnsafeMutableBytes(of: &words) { bytes in
            bytes.copyBytes(from: text.utf8)
            bytes[Self.inlineCapacity] = UInt8(truncatingIfNeeded: count)
        }
    }

    /// The storage of `bytes` (already validated) when they fit inline; `nil` otherwise.
    @inlinable
    init?(inline bytes: UnsafeRawBufferPointer) {
        guard bytes.count <= Self.inlineCapacity else { return nil }
        words = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &words) { storage in
            storage.copyMemory(from: bytes)
            storage[Self.inlineCapacity] = UInt8(truncatingIfNeeded: bytes.count)
        }
    }

    /// The storage of `prefix` followed by the decimal digits of `number`, when that text
    /// fits inline; `nil` otherwise.
    init?(prefix: IdentifierStorage, number: UInt64) {
        let count = Int(prefix.tag)
        guard count <= Self.inlineCapacity else { return nil }
        var digits = 1
        var rest = number / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        guard count + digits <= Self.inlineCapacity else { return nil }
        words = prefix.words
        withUnsafeMutableBytes(of: &words) { bytes in
            var value = number
            for index in (count..<(count + digits)).reversed() {
                bytes[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value % 10)
                value /= 10
            }
            bytes[Self.inlineCapacity] = UInt8(truncatingIfNeeded: count + digits)
        }
    }

    /// Byte 31: the inline length, or ``longMarker``.
    var tag: UInt8 { UInt8(truncatingIfNeeded: words.3 >> 56) }

    /// The text.
    var string: String {
        let tag = tag
        if tag == Self.longMarker { return LongIdentifiers.string(at: words.0) }
        var words = words
        return withUnsafeBytes(of: &words) { bytes in
            String(decoding: bytes[..<Int(tag)], as: UTF8.self)
        }
    }

    @inlinable
    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2
            && lhs.words.3 == rhs.words.3
    }

    @inlinable
    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    /// Lexicographic order of the texts (byte order, which is `String`'s order for ASCII).
    static func < (lhs: Self, rhs: Self) -> Bool {
        guard lhs.tag != longMarker && rhs.tag != longMarker else { return lhs.string < rhs.string }
        // Big-endian words compare as byte strings; the length byte is masked out (texts
        // equal over 31 bytes are equal), zero padding sorts a prefix first.
        let textMask: UInt64 = 0x00FF_FFFF_FFFF_FFFF
        let l = (lhs.words.0.byteSwapped, lhs.words.1.byteSwapped, lhs.words.2.byteSwapped, (lhs.words.3 & textMask).byteSwapped)
        let r = (rhs.words.0.byteSwapped, rhs.words.1.byteSwapped, rhs.words.2.byteSwapped, (rhs.words.3 & textMask).byteSwapped)
        return l < r
    }
}

/// The process-wide table of ids longer than ``IdentifierStorage/inlineCapacity``.
enum LongIdentifiers {
    private struct Table {
        var strings: [String] = []
        var indices: [String: UInt64] = [:]
    }

    private static let table = Mutex(Table())

    /// The index of `text`, added to the table the first time.
    static func index(of text: String) -> UInt64 {
        table.withLock { table in
            if let index = table.indices[text] { return index }
            let index = UInt64(table.strings.count)
            table.strings.append(text)
            table.indices[text] = index
            return index
        }
    }

    /// The text at `index` (an index this table returned).
    static func string(at index: UInt64) -> String {
        table.withLock { $0.strings[Int(index)] }
    }
}
