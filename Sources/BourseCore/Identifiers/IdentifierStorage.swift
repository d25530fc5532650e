import Synchronization

/// The text of an ``Identifier``, stored so that copying, comparing and hashing an id
/// touch plain bytes only — no reference count, no heap — because ids travel inside every
/// order event on the hot paths.
///
/// Texts of up to ``inlineCapacity`` UTF-8 bytes (nearly every id) are stored inline: bytes
/// 0…30 hold the text (zero-padded), byte 31 its length. UUIDs in their 36-character text form
/// (`8-4-4-4-12` hex digits, all lower case or all upper case: broker order ids) are stored
/// inline too, as their 16 bytes (byte 31 is then ``lowerUUIDMarker`` or ``upperUUIDMarker``).
/// Other longer texts go to a process-wide table of long ids, deduplicated, and the storage keeps
/// their index (byte 31 is then ``longMarker``). A text has exactly one storage, so equal
/// storages mean equal texts.
///
/// The table is bounded (``LongIdentifiers/capacity`` distinct texts): past it, making a new
/// long id throws ``IdentifierError/tooManyLongIdentifiers(kind:value:capacity:)``. Its entries
/// live as long as the process: fine for ids a run reuses (strategies, accounts, symbols).
/// Ids made per order should stay within 31 characters or be UUIDs, which never use the table.
@usableFromInline
struct IdentifierStorage: Sendable, Hashable {
    /// The 32 bytes, little-endian words (byte `i` is in word `i / 8`).
    @usableFromInline var words: (UInt64, UInt64, UInt64, UInt64)

    /// Longest text stored inline.
    @usableFromInline static var inlineCapacity: Int { 31 }
    /// Byte 31 of a long id's storage.
    static var longMarker: UInt8 { 0xFF }
    /// Byte 31 of a UUID written in lower-case hex (or in digits only).
    static var lowerUUIDMarker: UInt8 { 0xFE }
    /// Byte 31 of a UUID written in upper-case hex.
    static var upperUUIDMarker: UInt8 { 0xFD }

    /// The storage of `text` (already validated: 1…64 ASCII bytes); `nil` when `text` needs the
    /// table of long ids and the table is full.
    init?(_ text: String) {
        words = (0, 0, 0, 0)
        let count = text.utf8.count
        guard count <= Self.inlineCapacity else {
            if let uuid = UUIDText(text) {
                words.0 = uuid.high
                words.1 = uuid.low
                words.3 = UInt64(uuid.upperCase ? Self.upperUUIDMarker : Self.lowerUUIDMarker) << 56
                return
            }
            guard let index = LongIdentifiers.index(of: text) else { return nil }
            words.0 = index
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

    /// Byte 31: the inline length, or one of the markers.
    var tag: UInt8 { UInt8(truncatingIfNeeded: words.3 >> 56) }

    /// Whether the text is stored as its bytes (not as a UUID or in the table).
    var holdsText: Bool { Int(tag) <= Self.inlineCapacity }

    /// Whether the text is in the table of long ids.
    var usesTable: Bool { tag == Self.longMarker }

    /// The text.
    var string: String {
        let tag = tag
        if tag == Self.longMarker { return LongIdentifiers.string(at: words.0) }
        if tag == Self.lowerUUIDMarker || tag == Self.upperUUIDMarker {
            return UUIDText.string(high: words.0, low: words.1, upperCase: tag == Self.upperUUIDMarker)
        }
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

    /// A 64-bit hash of the 32 bytes keyed by `seed` (multiply-fold, well mixed in its high bits):
    /// for the process's own indexes of ids, where `Hasher`'s SipHash costs more than the lookup.
    /// The seed is mixed into every word before the multiplies, so ids cannot be chosen to make
    /// a factor cancel without knowing it. Not a cryptographic hash.
    func fastHash(seed: UInt64) -> UInt64 {
        let a = (words.0 ^ seed ^ 0x9E37_79B9_7F4A_7C15)
            .multipliedFullWidth(by: words.1 ^ (seed << 17 | seed >> 47) ^ 0xBF58_476D_1CE4_E5B9)
        let b = (words.2 ^ (seed << 31 | seed >> 33) ^ 0x94D0_49BB_1331_11EB)
            .multipliedFullWidth(by: words.3 ^ (seed << 47 | seed >> 17) ^ 0x2545_F491_4F6C_DD1D)
        let second = b.high ^ b.low
        let folded = (a.high ^ a.low) &+ (second << 29 | second >> 35)
        return (folded ^ (folded >> 32)) &* 0xD6E8_FEB8_6659_FD93
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
        guard lhs.holdsText && rhs.holdsText else { return lhs.string < rhs.string }
        // Big-endian words compare as byte strings; the length byte is masked out (texts
        // equal over 31 bytes are equal), zero padding sorts a prefix first.
        let textMask: UInt64 = 0x00FF_FFFF_FFFF_FFFF
        let l = (lhs.words.0.byteSwapped, lhs.words.1.byteSwapped, lhs.words.2.byteSwapped, (lhs.words.3 & textMask).byteSwapped)
        let r = (rhs.words.0.byteSwapped, rhs.words.1.byteSwapped, rhs.words.2.byteSwapped, (rhs.words.3 & textMask).byteSwapped)
        return l < r
    }
}

/// The process-wide table of ids longer than ``IdentifierStorage/inlineCapacity`` that are not
/// UUIDs, bounded to ``capacity`` distinct texts.
enum LongIdentifiers {
    /// Most distinct long ids the process keeps (at most 64 bytes each: about 100 MB in all).
    static var capacity: Int { 1 << 20 }

    private static let table = Mutex(Table(capacity: capacity))

    /// The index of `text`, added to the table the first time; `nil` when the table is full.
    static func index(of text: String) -> UInt64? {
        table.withLock { $0.index(of: text) }
    }

    /// The text at `index` (an index this table returned).
    static func string(at index: UInt64) -> String {
        table.withLock { $0.strings[Int(index)] }
    }

    /// Deduplicated texts and their indices, up to a capacity.
    struct Table {
        let capacity: Int
        private(set) var strings: [String] = []
        private var indices: [String: UInt64] = [:]

        init(capacity: Int) {
            self.capacity = capacity
        }

        /// The index of `text`, added the first time; `nil` when the text is new and the table full.
        mutating func index(of text: String) -> UInt64? {
            if let index = indices[text] { return index }
            guard strings.count < capacity else { return nil }
            let index = UInt64(strings.count)
            strings.append(text)
            indices[text] = index
            return index
        }
    }
}
