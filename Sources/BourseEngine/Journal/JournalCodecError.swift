/// Why bytes could not be decoded as a journal record or snapshot.
public enum JournalCodecError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Written by a schema version this build does not know (a newer Bourse, or damage).
    case unknownVersion(UInt8, supported: UInt8)
    /// A record kind code this build does not know.
    case unknownKind(UInt8)
    /// The bytes end inside a field.
    case truncated(field: String, offset: Int)
    /// A field's bytes do not make a valid value.
    case invalidValue(field: String, reason: String)
    /// Bytes are left over after the record.
    case trailingBytes(Int)

    public var description: String {
        switch self {
        case .unknownVersion(let v, let supported):
            "journal schema version \(v) is not supported (this build reads version \(supported)); use the Bourse version that wrote it"
        case .unknownKind(let code): "unknown journal record kind 0x\(String(code, radix: 16))"
        case .truncated(let field, let offset): "record ends inside field '\(field)' at byte \(offset)"
        case .invalidValue(let field, let reason): "field '\(field)': \(reason)"
        case .trailingBytes(let n): "\(n) unexpected bytes after the record"
        }
    }
}
