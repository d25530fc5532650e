/// What distinguishes one kind of identifier from another: its name in errors
/// and its length limit.
public protocol IdentifierKind: Sendable {
    /// The kind's name in error messages (`"client order id"`).
    static var name: String { get }
    /// Longest accepted value.
    static var maxLength: Int { get }
}

extension IdentifierKind {
    public static var maxLength: Int { 64 }
}

/// A validated string identifier. Each kind is a distinct type (the `Kind`
/// parameter), so a ``ClientOrderID`` can never be passed where a
/// ``VenueOrderID`` is expected.
///
/// Valid values are 1…`Kind.maxLength` printable ASCII characters without whitespace.
///
/// An id is 16 bytes of plain data (see `IdentifierStorage`): texts of up to 15 characters and
/// UUIDs are stored inline; longer texts are kept in a bounded process-wide table that is never
/// freed, so ids made per order (client, venue order and trade ids) should stay within 15
/// characters or be UUIDs. Copying, comparing and hashing an id never touch a reference count,
/// so ids are cheap to pass along in events.
///
/// ```swift
/// let id = try ClientOrderID("O-20240102-0001")
/// try ClientOrderID("has space")   // throws IdentifierError.whitespace
/// ```
public struct Identifier<Kind: IdentifierKind>: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    @usableFromInline let storage: IdentifierStorage

    /// The identifier's text.
    public var value: String { storage.string }

    /// A validated identifier; throws ``IdentifierError`` with the reason.
    public init(_ value: String) throws(IdentifierError) {
        try Self.validate(value)
        guard let storage = IdentifierStorage(value) else {
            throw .tooManyLongIdentifiers(kind: Kind.name, value: value, capacity: LongIdentifiers.capacity)
        }
        self.storage = storage
    }

    /// The id `prefix` followed by the decimal digits of `number`, for ids made from counters
    /// (`VenueOrderID(prefix: VenueOrderID("SIM-"), number: 42)` is `SIM-42`). Throws
    /// ``IdentifierError/tooLong(kind:value:maxLength:)`` when the result exceeds the kind's limit.
    ///
    /// - Complexity: O(1) without allocation for results of up to 15 characters.
    public init(prefix: Self, number: UInt64) throws(IdentifierError) {
        if let storage = IdentifierStorage(prefix: prefix.storage, number: number),
            let count = storage.inlineCount, count <= Kind.maxLength
        {
            self.init(storage: storage)
        } else {
            try self.init(prefix.value + String(number))
        }
    }

    @usableFromInline
    init(storage: IdentifierStorage) {
        self.storage = storage
    }

    /// A validated identifier from its UTF-8 bytes (same rules as ``init(_:)``), without
    /// building a `String` when the text fits inline or is a UUID: for decoders on hot paths
    /// (inlinable, so callers get it specialized for their kind).
    @inlinable
    public init(utf8 bytes: UnsafeRawBufferPointer) throws(IdentifierError) {
        let valid = !bytes.isEmpty && bytes.count <= Kind.maxLength && bytes.allSatisfy { $0 > 0x20 && $0 < 0x7F }
        guard valid, let storage = IdentifierStorage(inline: bytes) ?? IdentifierStorage(uuidText: bytes) else {
            // Invalid (the String path names the reason) or a long text (kept in the table).
            try self.init(String(decoding: bytes, as: UTF8.self))
            return
        }
        self.init(storage: storage)
    }

    /// Checks `value` against the rules of this kind.
    public static func validate(_ value: String) throws(IdentifierError) {
        let kind = Kind.name
        guard !value.isEmpty else { throw .empty(kind: kind) }
        guard value.utf8.count <= Kind.maxLength else {
            throw .tooLong(kind: kind, value: value, maxLength: Kind.maxLength)
        }
        for byte in value.utf8 where byte <= 0x20 || byte >= 0x7F {
            throw byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
                ? .whitespace(kind: kind, value: value)
                : .invalidCharacter(kind: kind, value: value)
        }
    }

    public var description: String { value }

    @inlinable
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.storage == rhs.storage }

    @inlinable
    public func hash(into hasher: inout Hasher) { storage.hash(into: &hasher) }

    /// A hash of the id keyed by `seed`, well mixed in its high bits, for the order path's
    /// indexes of ids (cheaper than `Hasher`). Give each index its own random seed: ids an
    /// outsider chooses then cannot be made to collide.
    package func fastHash(seed: UInt64) -> UInt64 { storage.fastHash(seed: seed) }

    /// Lexicographic order of the texts.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.storage < rhs.storage }

    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

/// Why a string is not a valid identifier.
public enum IdentifierError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty(kind: String)
    case whitespace(kind: String, value: String)
    case invalidCharacter(kind: String, value: String)
    case tooLong(kind: String, value: String, maxLength: Int)
    case malformed(kind: String, value: String, reason: String)
    /// A new id longer than 15 characters (and not a UUID) when the process already holds the
    /// most such ids it keeps: use shorter ids (or UUIDs) for ids made per order.
    case tooManyLongIdentifiers(kind: String, value: String, capacity: Int)

    public var description: String {
        switch self {
        case .empty(let kind): "\(kind) is empty"
        case .whitespace(let kind, let value): "\(kind) '\(value)' contains whitespace"
        case .invalidCharacter(let kind, let value): "\(kind) '\(value)' contains a non-printable or non-ASCII character"
        case .tooLong(let kind, let value, let max): "\(kind) '\(value.prefix(80))' is longer than \(max) characters"
        case .malformed(let kind, let value, let reason): "\(kind) '\(value)' is malformed: \(reason)"
        case .tooManyLongIdentifiers(let kind, let value, let capacity):
            "\(kind) '\(value.prefix(80))' cannot be kept: the process already holds \(capacity) distinct ids longer than \(IdentifierStorage.inlineCapacity) characters (keep ids made per order within \(IdentifierStorage.inlineCapacity) characters, or use UUIDs)"
        }
    }
}
