import BourseCore
@testable import BourseExecution
import Testing

@Suite("Identifier index")
struct IdentifierIndexTests {
    @Test func numbersIdsInOrderAndFindsThemAfterGrowing() throws {
        var index = IdentifierIndex<ClientOrderIDKind>()
        let ids = try (0..<5_000).map { try ClientOrderID("O-\($0)") }
        let added = ids.map { index.append($0) }
        #expect(added.allSatisfy { $0 })
        #expect(index.count == 5_000)
        for (number, id) in ids.enumerated() {
            #expect(index.number(of: id) == number)
            #expect(index[number] == id)
        }
        #expect(index.number(of: try ClientOrderID("O-5000")) == nil)
        #expect(index.number(of: try ClientOrderID("O-0-")) == nil)
    }

    @Test func refusesAnIdAddedBeforeAndChangesNothing() throws {
        var index = IdentifierIndex<ClientOrderIDKind>()
        for n in 0..<100 { index.append(try ClientOrderID("B-\(n)")) }
        let addedAgain = index.append(try ClientOrderID("B-42"))
        #expect(!addedAgain)
        #expect(index.count == 100)
        #expect(index.number(of: try ClientOrderID("B-42")) == 42)
    }

    /// Ids that differ only in one byte, in long texts, UUIDs and table-stored ids, all told apart.
    @Test func tellsApartIdsOfEveryStorageKind() throws {
        let texts = [
            "A", "B", "AA", "0123456789012345678901234567890", "0123456789012345678901234567891",
            "6f1d3c0e-2b7a-4c1e-9f3a-8d2b5e7c9a10", "6F1D3C0E-2B7A-4C1E-9F3A-8D2B5E7C9A10",
            "an-order-id-longer-than-thirty-one-characters-1", "an-order-id-longer-than-thirty-one-characters-2",
        ]
        var index = IdentifierIndex<ClientOrderIDKind>()
        let added = try texts.map { index.append(try ClientOrderID($0)) }
        #expect(added.allSatisfy { $0 })
        for (number, text) in texts.enumerated() { #expect(index.number(of: try ClientOrderID(text)) == number) }
    }
}
