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
    ///
    /// To decode many records (a replay), keep one ``ByteReader`` and call its
    /// ``ByteReader/readRecord(_:)`` for each: it remembers the ids the records repeat.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(JournalCodecError) -> JournalRecord {
        var reader = ByteReader()
        return try reader.readRecord(bytes)
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

    static func readHeader(_ reader: inout ByteReader) throws(JournalCodecError) -> JournalEntryKind {
        let version = try reader.readUInt8("version")
        guard version == schemaVersion else { throw .unknownVersion(version, supported: schemaVersion) }
        let code = try reader.readUInt8("kind")
        guard let kind = JournalEntryKind(rawValue: code) else { throw .unknownKind(code) }
        return kind
    }

    static func auditCategory(_ kind: JournalEntryKind) -> AuditEntry.Category {
        AuditEntry.Category.allCases.first { JournalEntryKind.audit($0) == kind } ?? .recovery
    }
}

extension ByteReader {
    /// Decodes `bytes` as one whole record.
    ///
    /// - Complexity: O(n) in the record's size; no allocation but for texts longer than 15 bytes
    ///   and what the entry's own types hold by reference.
    public mutating func readRecord(_ bytes: UnsafeRawBufferPointer) throws(JournalCodecError) -> JournalRecord {
        // A record is as large as its largest entry (an order event, some 350 bytes), and Swift
        // copies a whole record wherever one is handed on: so each case checks the end, then builds
        // the record as this method's result, and this is an instance method (a static one gets a
        // thunk that copies its result once more).
        restart(bytes)
        let kind = try JournalCodec.readHeader(&self)
        let sequence = try readUInt64("sequence")
        let timestamp = try readUnixNanos("timestamp")
        let correlationID = try readCorrelationID()
        switch kind {
        case .marketData:
            let mark = MarketDataMark(
                instrumentID: try readInstrumentID("instrument id"), index: try readInt64("bar index"),
                tsEvent: try readUnixNanos("ts event"))
            try expectEnd()
            return JournalRecord(sequence: sequence, timestamp: timestamp, correlationID: correlationID, entry: .marketData(mark))
        case .submitOrder, .submitOrderList, .modifyOrder, .cancelOrder, .cancelAllOrders:
            let command = try JournalCodec.decodeCommand(kind, &self)
            try expectEnd()
            return JournalRecord(sequence: sequence, timestamp: timestamp, correlationID: correlationID, entry: .command(command))
        case .sessionStart:
            let start = try JournalCodec.decodeSessionStart(&self)
            try expectEnd()
            return JournalRecord(sequence: sequence, timestamp: timestamp, correlationID: correlationID, entry: .sessionStart(start))
        case .auditRiskDecision, .auditKillSwitch, .auditConfigurationChange, .auditOperatorCommand, .auditRecovery:
            let audit = AuditEntry(
                category: JournalCodec.auditCategory(kind), actor: try readAuditActor(), action: try readString("action"),
                reason: try readAuditReason(),
                clientOrderID: try readOptional("client order id") { r throws(JournalCodecError) in try r.readClientOrderID("client order id") })
            try expectEnd()
            return JournalRecord(sequence: sequence, timestamp: timestamp, correlationID: correlationID, entry: .audit(audit))
        default:
            let event = try JournalCodec.decodeEvent(kind, &self)
            try expectEnd()
            return JournalRecord(sequence: sequence, timestamp: timestamp, correlationID: correlationID, entry: .event(event))
        }
    }
}
