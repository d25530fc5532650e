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
/// ```swift
/// let id = try ClientOrderID("O-20240102-0001")
/// try ClientOrderID("has space")   // throws IdentifierError.whitespace
/// ```
public struct Identifier<Kind: IdentifierKind>: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The identifier's text.
    public let value: String

    /// A validated identifier; throws ``IdentifierError`` with the reason.
    public init(_ value: String) throws(IdentifierError) {
        try Self.validate(value)
        self.value = value
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

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }

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

    public var description: String {
        switch self {
        case .empty(let kind): "\(kind) is empty"
        case .whitespace(let kind, let value): "\(kind) '\(value)' contains whitespace"
        case .invalidCharacter(let kind, let value): "\(kind) '\(value)' contains a non-printable or non-ASCII character"
        case .tooLong(let kind, let value, let max): "\(kind) '\(value.prefix(80))' is longer than \(max) characters"
        case .malformed(let kind, let value, let reason): "\(kind) '\(value)' is malformed: \(reason)"
        }
    }
}
