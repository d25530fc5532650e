/// The text of an ``Identifier`` in 16 bytes of plain data, so that copying, comparing and
/// hashing an id touch two words only — no reference count, no heap — because ids travel
/// inside every order event on the hot paths.
///
/// The 16 bytes hold one of three forms, told apart by byte 8 and byte 15:
/// - **Inline text** of up to ``inlineCapacity`` (15) UTF-8 bytes, nearly every id: bytes 0…14
///   hold the text (zero-padded), byte 15 its length (1…15). Text bytes are 0x21…0x7E, so
///   byte 8 is below 0x80.
/// - **A UUID** in its 36-character text form (`8-4-4-4-12` hex digits, all lower case or all
///   upper case: broker order ids) of the RFC 4122 variant (the top two bits of its byte 8 are
///   `10`): its 16 bytes in order. Byte 8 is then 0x80 or more, which no text byte is, so it
///   marks the form; bit 6 of byte 8, always clear in such a UUID, is set when the hex letters
///   are upper case.
/// - **Long text**, any other text of 16…64 bytes (UUIDs of other variants included): bytes 0…7
///   hold its index in the process-wide table of long ids, byte 8 is zero and byte 15 is
///   ``longMarker``.
///
/// A text has exactly one storage, so equal storages mean equal texts and `==` and hashing are
/// bytewise.
///
/// The table is bounded (``LongIdentifiers/capacity`` distinct texts): past it, making a new
/// long id throws ``IdentifierError/tooManyLongIdentifiers(kind:value:capacity:)``. Its entries
/// are never freed (they live as long as the process): fine for ids a run reuses (strategies,
/// accounts, positions). Ids made per order should stay within 15 characters or be UUIDs, which
/// never use the table.
@usableFromInline
struct IdentifierStorage: Sendable, Hashable {
    /// The 16 bytes, little-endian words (byte `i` is in word `i / 8`).
    @usableFromInline var words: (UInt64, UInt64)

    /// Longest text stored inline.
    @usableFromInline static var inlineCapacity: Int { 15 }
    /// Byte 15 of a long id's storage.
    static var longMarker: UInt8 { 0xFF }
    /// Bit 6 of byte 8 in `words.1`: set in a UUID's storage when its hex letters are upper case.
    static var upperCaseBit: UInt64 { 0x40 }

    /// The storage of `text` (already validated: 1…64 ASCII bytes); `nil` when `text` needs the
    /// table of long ids and the table is full.
    init?(_ text: String) {
        words = (0, 0)
        let count = text.utf8.count
        guard count <= Self.inlineCapacity else {
            if let storage = UUIDText(text.utf8).flatMap(Self.init(uuid:)) {
                self = storage
                return
            }
            guard let index = LongIdentifiers.index(of: text) else { return nil }
            words = (index, UInt64(Self.longMarker) << 56)
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
        words = (0, 0)
        withUnsafeMutableBytes(of: &words) { storage in
            storage.copyMemory(from: bytes)
            storage[Self.inlineCapacity] = UInt8(truncatingIfNeeded: bytes.count)
        }
    }

    /// The storage of the UUID written by `bytes` (already validated), without building a
    /// `String`; `nil` when `bytes` are not a UUID stored inline.
    @usableFromInline
    init?(uuidText bytes: UnsafeRawBufferPointer) {
        guard let storage = UUIDText(bytes).flatMap(Self.init(uuid:)) else { return nil }
        self = storage
    }

    /// The storage of `uuid`; `nil` when it is not of the RFC 4122 variant.
    private init?(uuid: UUIDText) {
        let high = uuid.high.byteSwapped
        let low = uuid.low.byteSwapped
        guard low & 0xC0 == 0x80 else { return nil }
        words = (high, uuid.upperCase ? low | Self.upperCaseBit : low)
    }

    /// The storage of `prefix` followed by the decimal digits of `number`, when that text
    /// fits inline; `nil` otherwise.
    init?(prefix: IdentifierStorage, number: UInt64) {
        guard prefix.holdsText else { return nil }
        let count = Int(prefix.tag)
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

    /// Byte 15: the inline length, ``longMarker``, or the last byte of a UUID.
    var tag: UInt8 { UInt8(truncatingIfNeeded: words.1 >> 56) }

    /// Whether the storage holds a UUID (byte 8 is 0x80 or more).
    var isUUID: Bool { words.1 & 0x80 != 0 }

    /// Whether the text is stored as its bytes (not as a UUID or in the table).
    var holdsText: Bool { !isUUID && Int(tag) <= Self.inlineCapacity }

    /// Whether the text is in the table of long ids.
    var usesTable: Bool { !isUUID && tag == Self.longMarker }

    /// The text's length in bytes when stored inline (`nil` for UUIDs and long ids).
    var inlineCount: Int? { holdsText ? Int(tag) : nil }

    /// The text.
    var string: String {
        if isUUID {
            return UUIDText.string(
                high: words.0.byteSwapped, low: (words.1 & ~Self.upperCaseBit).byteSwapped,
                upperCase: words.1 & Self.upperCaseBit != 0)
        }
        if usesTable { return LongIdentifiers.string(at: words.0) }
        var words = words
        return withUnsafeBytes(of: &words) { bytes in
            String(decoding: bytes[..<Int(tag)], as: UTF8.self)
        }
    }

    @inlinable
    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1
    }

    /// A 64-bit hash of the 16 bytes keyed by `seed` (multiply-fold, well mixed in its high bits):
    /// for the process's own indexes of ids, where `Hasher`'s SipHash costs more than the lookup.
    /// The seed is mixed into both words before the multiply, so ids cannot be chosen to make
    /// a factor cancel without knowing it. Not a cryptographic hash.
    func fastHash(seed: UInt64) -> UInt64 {
        let product = (words.0 ^ seed ^ 0x9E37_79B9_7F4A_7C15)
            .multipliedFullWidth(by: words.1 ^ (seed << 31 | seed >> 33) ^ 0xBF58_476D_1CE4_E5B9)
        let folded = product.high ^ product.low
        return (folded ^ (folded >> 32)) &* 0xD6E8_FEB8_6659_FD93
    }

    @inlinable
    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
    }

    /// Lexicographic order of the texts (byte order, which is `String`'s order for ASCII).
    static func < (lhs: Self, rhs: Self) -> Bool {
        if lhs.holdsText && rhs.holdsText {
            // Big-endian words compare as byte strings; the length byte is masked out (texts
            // equal over 15 bytes are equal), zero padding sorts a prefix first.
            let textMask: UInt64 = 0x00FF_FFFF_FFFF_FFFF
            return (lhs.words.0.byteSwapped, (lhs.words.1 & textMask).byteSwapped)
                < (rhs.words.0.byteSwapped, (rhs.words.1 & textMask).byteSwapped)
        }
        if lhs.isUUID && rhs.isUUID && lhs.words.1 & upperCaseBit == rhs.words.1 & upperCaseBit {
            // Hex digits of one letter case sort as their values, dashes are at the same places.
            return (lhs.words.0.byteSwapped, lhs.words.1.byteSwapped) < (rhs.words.0.byteSwapped, rhs.words.1.byteSwapped)
        }
        return lhs.string < rhs.string
    }
}
