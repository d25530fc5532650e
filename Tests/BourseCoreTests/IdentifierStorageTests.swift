@testable import BourseCore
import BourseTestKit
import Testing

/// Where an id's text is kept: UUIDs of the RFC 4122 variant inline (no table, so a live venue's
/// broker ids do not grow memory), other long ids in a bounded table.
@Suite struct IdentifierStorageTests {
    @Test func idsAreSixteenBytesOfPlainData() {
        #expect(MemoryLayout<ClientOrderID>.size == 16)
        #expect(MemoryLayout<Identifier<VenueKind>>.stride == 16)
        #expect(MemoryLayout<InstrumentID>.size == 32)
        #expect(_isPOD(ClientOrderID.self) && _isPOD(InstrumentID.self))
    }

    /// UUIDs in each letter case, and texts that are almost UUIDs (kept in the table).
    static let uuidLikeTexts = [
        "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "3F2504E0-4F89-11D3-9A0C-0305E82C3301",
        "3f2504e0-4F89-11d3-9a0c-0305e82c3301",  // mixed case
        "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
        "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", "12345678-1234-1234-1234-123456789012",
        "3f2504e0-4f89-11d3-9a0c-0305e82c330", "3f2504e0-4f89-11d3-9a0c-0305e82c33011",
        "3f2504e0_4f89-11d3-9a0c-0305e82c3301", "3f2504e0-4f89-11d3-9a0c-0305e82c330g",
    ]

    @Test(arguments: [
        ("3f2504e0-4f89-11d3-9a0c-0305e82c3301", true), ("3F2504E0-4F89-11D3-9A0C-0305E82C3301", true),
        ("00000000-0000-0000-8000-000000000000", true), ("a0a0a0a0-b1b1-c2c2-b3d3-e4e4e4e4e4e4", true),
        ("FFFFFFFF-FFFF-FFFF-BFFF-FFFFFFFFFFFF", true), ("12345678-1234-1234-8234-123456789012", true),
        ("3f2504e0-4F89-11d3-9a0c-0305e82c3301", false), ("3f2504e0_4f89-11d3-9a0c-0305e82c3301", false),
        ("3f2504e0-4f89-11d3-9a0c-0305e82c330g", false),
        // Other variants than RFC 4122's (NCS, Microsoft, reserved): kept in the table.
        ("00000000-0000-0000-0000-000000000000", false), ("a0a0a0a0-b1b1-c2c2-d3d3-e4e4e4e4e4e4", false),
        ("3f2504e0-4f89-11d3-7a0c-0305e82c3301", false), ("FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", false),
    ])
    func uuidsAreKeptInlineAndGiveBackTheirText(text: String, inline: Bool) throws {
        let id = try VenueOrderID(text)
        #expect(id.value == text)
        #expect(id.storage.usesTable == !inline)
        #expect(id == (try VenueOrderID(text)))
    }

    @Test func manyDistinctBrokerUUIDsNeverUseTheTable() throws {
        var rng = SplitMix64(seed: 36)
        for _ in 0..<20_000 {
            let high = rng.next()
            let low = rng.next() & 0x3FFF_FFFF_FFFF_FFFF | 0x8000_0000_0000_0000  // RFC 4122 variant
            let text = UUIDText.string(high: high, low: low, upperCase: high & 1 == 0)
            let id = try VenueOrderID(text)
            #expect(!id.storage.usesTable, "\(text)")
            #expect(id.value == text)
        }
    }

    @Test func theTableOfLongIDsIsBounded() {
        var table = LongIdentifiers.Table(capacity: 3)
        #expect(table.index(of: "a") == 0)
        #expect(table.index(of: "b") == 1)
        #expect(table.index(of: "a") == 0)
        #expect(table.index(of: "c") == 2)
        #expect(table.index(of: "d") == nil)  // full: a new text is refused
        #expect(table.index(of: "b") == 1)  // known texts are still found
        #expect(table.strings == ["a", "b", "c"])
        #expect(LongIdentifiers.capacity == 1 << 20)
    }

    @Test func theErrorPastTheBoundSaysWhatToDo() {
        let error = IdentifierError.tooManyLongIdentifiers(kind: "trade id", value: "T-" + String(repeating: "x", count: 40), capacity: 3)
        #expect(error.description.contains("trade id 'T-xxxx"))
        #expect(error.description.contains("3 distinct ids longer than 15 characters"))
    }
}
