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

    /// UUIDs whose first 8 bytes are the hash's first constant (as a little-endian word, the
    /// storage's order): unseeded, their product is zero and they all hash alike (insertion then
    /// probes every earlier id).
    private static func collidingFamily(_ count: Int) throws -> [ClientOrderID] {
        try (0..<count).map { n in
            let tail = String(n, radix: 16)
            return try ClientOrderID("157c4a7f-b979-379e-8000-" + String(repeating: "0", count: 12 - tail.count) + tail)
        }
    }

    @Test func aFamilyThatCancelsTheUnseededMultiplySpreadsUnderTheSeed() throws {
        let index = IdentifierIndex<ClientOrderIDKind>()
        let ids = try Self.collidingFamily(10_000)
        // Top 14 bits: 16,384 buckets; 10,000 well spread hashes fill about 7,500 of them.
        let buckets = Set(ids.map { $0.fastHash(seed: index.seed) >> 50 })
        #expect(buckets.count > 6_000)
    }

    @Test func numbersAndFindsTenThousandIdsOfTheCollidingFamily() throws {
        var index = IdentifierIndex<ClientOrderIDKind>()
        let ids = try Self.collidingFamily(10_000)
        #expect(ids.allSatisfy { index.append($0) })
        #expect(index.count == 10_000)
        for (number, id) in ids.enumerated() {
            #expect(index.number(of: id) == number)
            #expect(index[number] == id)
        }
        let absent = try ClientOrderID("157c4a7f-b979-379e-8000-000000010000")
        #expect(index.number(of: absent) == nil)
    }

    @Test func refusesDuplicatesAfterTheTableGrew() throws {
        var index = IdentifierIndex<ClientOrderIDKind>()
        let ids = try Self.collidingFamily(1_000)
        for id in ids { index.append(id) }
        // 1,000 ids: the 16-slot table has doubled seven times.
        #expect(ids.allSatisfy { !index.append($0) })
        #expect(index.count == 1_000)
        #expect(index.number(of: ids[0]) == 0 && index.number(of: ids[999]) == 999)
    }

    @Test func twoIndexesNumberTheSameIdsAlikeWhateverTheirSeeds() throws {
        var first = IdentifierIndex<ClientOrderIDKind>()
        var second = IdentifierIndex<ClientOrderIDKind>()
        let ids = try (0..<300).map { try ClientOrderID("S-\($0)") }
        for id in ids { first.append(id) }
        for id in ids { second.append(id) }
        #expect(first.seed != second.seed)
        #expect((0..<300).allSatisfy { first[$0] == second[$0] && first.number(of: ids[$0]) == second.number(of: ids[$0]) })
    }

    /// A probe then an insert (the venue's check-then-admit) numbers ids exactly as `append` does,
    /// across table growth, and a probe of a known id answers its number.
    @Test func probeThenInsertMatchesAppend() throws {
        var probed = IdentifierIndex<ClientOrderIDKind>()
        var appended = IdentifierIndex<ClientOrderIDKind>()
        let ids = try (0..<2_000).map { try ClientOrderID("P-\($0)") }
        for id in ids {
            guard case .absent(let slot) = probed.probe(id) else {
                Issue.record("\(id) found before it was added")
                return
            }
            probed.insert(id, at: slot)
            appended.append(id)
        }
        #expect(probed.count == appended.count)
        for (number, id) in ids.enumerated() {
            guard case .found(let found) = probed.probe(id) else {
                Issue.record("\(id) not found after it was added")
                return
            }
            #expect(found == number)
            #expect(probed[number] == appended[number])
        }
    }
}
