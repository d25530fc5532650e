import BourseCore

/// The journal's binary record format.
///
/// Layout (little-endian): schema version (1 byte), kind code (1 byte, ``JournalEntryKind``),
/// sequence (8), timestamp (8, ns), correlation id (LEB128 length + UTF-8), then the entry's
/// fields one by one from their public properties. Strings and identifiers are length-prefixed
/// UTF-8; prices and quantities are raw `Int64` + precision byte; money adds its currency;
/// optionals are a 0/1 byte before the value; small enums are their `allCases` position.
///
/// Decoding checks everything and throws ``JournalCodecError`` for an unknown version or kind,
/// short bytes, or a field that does not make a valid value (identifiers, prices, orders are
/// re-validated through their checked initializers).
public enum JournalCodec {
    /// The version written by this build, and the only one it reads.
    public static let schemaVersion: UInt8 = 1

    /// Appends the encoded record to `writer`.
    public static func encode(_ record: JournalRecord, into writer: inout ByteWriter) {
        writer.write(schemaVersion)
        writer.write(record.entry.kind.rawValue)
        writer.write(record.sequence)
        writer.write(record.timestamp)
        writer.write(record.correlationID)
        switch record.entry {
        case .command(let command): encode(command, into: &writer)
        case .event(let event): encode(event, into: &writer)
        case .marketData(let mark):
            writer.write(mark.instrumentID)
            writer.write(mark.index)
            writer.write(mark.tsEvent)
        case .audit(let audit):
            writer.write(audit.actor)
            writer.write(audit.action)
            writer.write(audit.reason)
            writer.writeOptional(audit.clientOrderID) { $0.write($1) }
        case .sessionStart(let start): encode(start, into: &writer)
        }
    }

    /// The encoded record as a new array.
    public static func encode(_ record: JournalRecord) -> [UInt8] {
        var writer = ByteWriter()
        encode(record, into: &writer)
        return writer.bytes
    }

    /// Decodes one whole record.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(JournalCodecError) -> JournalRecord {
        var reader = ByteReader(bytes)
        let record = try decode(from: &reader)
        guard reader.isAtEnd else { throw .trailingBytes(bytes.count - reader.offset) }
        return record
    }

    /// Decodes one whole record from an array.
    public static func decode(_ bytes: [UInt8]) throws(JournalCodecError) -> JournalRecord {
        let result = bytes.withUnsafeBytes { buffer in Result { () throws(JournalCodecError) in try decode(buffer) } }
        return try result.get()
    }

    /// The version and kind bytes of an encoded record, checked, without decoding the rest.
    public static func header(_ bytes: UnsafeRawBufferPointer) throws(JournalCodecError) -> JournalEntryKind {
        var reader = ByteReader(bytes)
        return try readHeader(&reader)
    }

    private static func readHeader(_ reader: inout ByteReader) throws(JournalCodecError) -> JournalEntryKind {
        let version = try reader.readUInt8("version")
        guard version == schemaVersion else { throw .unknownVersion(version, supported: schemaVersion) }
        let code = try reader.readUInt8("kind")
        guard let kind = JournalEntryKind(rawValue: code) else { throw .unknownKind(code) }
        return kind
    }

    static func decode(from reader: inout ByteReader) throws(JournalCodecError) -> JournalRecord {
        let kind = try readHeader(&reader)
        let sequence = try reader.readUInt64("sequence")
        let timestamp = try reader.readUnixNanos("timestamp")
        let correlationID = try reader.readString("correlation id")
        let entry: JournalEntry
        switch kind {
        case .submitOrder, .submitOrderList, .modifyOrder, .cancelOrder, .cancelAllOrders:
            entry = .command(try decodeCommand(kind, &reader))
        case .sessionStart:
            entry = .sessionStart(try decodeSessionStart(&reader))
        case .marketData:
            entry = .marketData(MarketDataMark(
                instrumentID: try reader.readInstrumentID("instrument id"), index: try reader.readInt64("bar index"),
                tsEvent: try reader.readUnixNanos("ts event")))
        case .auditRiskDecision, .auditKillSwitch, .auditConfigurationChange, .auditOperatorCommand, .auditRecovery:
            entry = .audit(AuditEntry(
                category: auditCategory(kind), actor: try reader.readString("actor"), action: try reader.readString("action"),
                reason: try reader.readString("reason"),
                clientOrderID: try reader.readOptional("client order id") { r throws(JournalCodecError) in try r.readIdentifier("client order id") }))
        default:
            entry = .event(try decodeEvent(kind, &reader))
        }
        return JournalRecord(sequence: sequence, timestamp: timestamp, correlationID: correlationID, entry: entry)
    }

    private static func auditCategory(_ kind: JournalEntryKind) -> AuditEntry.Category {
        AuditEntry.Category.allCases.first { JournalEntryKind.audit($0) == kind } ?? .recovery
    }
}
