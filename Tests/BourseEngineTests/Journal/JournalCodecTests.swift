import BourseCore
import BourseEngine
import Testing

@Suite struct JournalCodecTests {
    static let entries: [JournalEntry] = (try? JournalFixtures.everyEntry()) ?? []

    @Test func everyKindIsCovered() {
        let kinds = Set(Self.entries.map(\.kind))
        let missing = JournalEntryKind.allCases.filter { !kinds.contains($0) && !$0.isAudit }
        #expect(missing.isEmpty, "no fixture for \(missing)")
    }

    @Test(arguments: entries.indices)
    func roundTrip(index: Int) throws {
        let record = JournalRecord(
            sequence: UInt64(index + 1), timestamp: JournalFixtures.t0 + .seconds(Int64(index)), correlationID: "SIG-\(index)",
            entry: Self.entries[index])
        let bytes = JournalCodec.encode(record)
        #expect(try JournalCodec.decode(bytes) == record)
    }

    /// The layout written in ``JournalCodec``'s documentation, byte by byte.
    @Test func marketDataRecordHasTheDocumentedLayout() throws {
        let record = JournalRecord(
            sequence: 258, timestamp: UnixNanos(0x0102_0304_0506_0708), correlationID: "AB",
            entry: .marketData(MarketDataMark(instrumentID: try InstrumentID("X.Y"), index: 5, tsEvent: UnixNanos(9))))
        let expected: [UInt8] =
            [1, 0x30]  // version, kind
            + [2, 1, 0, 0, 0, 0, 0, 0]  // sequence 258, little-endian
            + [8, 7, 6, 5, 4, 3, 2, 1]  // timestamp
            + [2, 65, 66]  // "AB"
            + [1, 88, 1, 89]  // symbol "X", venue "Y"
            + [5, 0, 0, 0, 0, 0, 0, 0]  // bar index
            + [9, 0, 0, 0, 0, 0, 0, 0]  // ts event
        #expect(JournalCodec.encode(record) == expected)
    }

    @Test func unknownVersionIsRejected() throws {
        var bytes = JournalCodec.encode(try record(0))
        bytes[0] = 2
        #expect(throws: JournalCodecError.unknownVersion(2, supported: 1)) { try JournalCodec.decode(bytes) }
    }

    @Test func unknownKindIsRejected() throws {
        var bytes = JournalCodec.encode(try record(0))
        bytes[1] = 0x7F
        #expect(throws: JournalCodecError.unknownKind(0x7F)) { try JournalCodec.decode(bytes) }
    }

    /// Every prefix of every record is refused with an error (never decoded, never a crash).
    @Test(arguments: entries.indices)
    func truncatedRecordsAreRejected(index: Int) throws {
        let bytes = JournalCodec.encode(try record(index))
        for length in 0..<bytes.count {
            #expect(throws: JournalCodecError.self) { try JournalCodec.decode(Array(bytes[..<length])) }
        }
        #expect(throws: JournalCodecError.trailingBytes(1)) { try JournalCodec.decode(bytes + [0]) }
    }

    @Test func invalidIdentifierIsRejectedWithTheField() throws {
        let record = JournalRecord(
            sequence: 1, timestamp: JournalFixtures.t0, correlationID: "",
            entry: .audit(AuditEntry(category: .recovery, actor: "a", action: "b", reason: "c", clientOrderID: try ClientOrderID("OX"))))
        var bytes = JournalCodec.encode(record)
        bytes[bytes.count - 1] = 0x20  // "OX" → "O "
        #expect(throws: JournalCodecError.self) { try JournalCodec.decode(bytes) }
        do {
            _ = try JournalCodec.decode(bytes)
        } catch {
            guard case .invalidValue(let field, _) = error else { Issue.record("unexpected \(error)"); return }
            #expect(field == "client order id")
        }
    }

    private func record(_ index: Int) throws -> JournalRecord {
        JournalRecord(sequence: 1, timestamp: JournalFixtures.t0, correlationID: "C", entry: Self.entries[index])
    }
}
