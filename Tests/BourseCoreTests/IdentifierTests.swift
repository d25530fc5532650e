import BourseCore
import BourseTestKit
import Foundation
import Testing

/// Identifiers store their text as plain bytes (inline up to 15 bytes, UUIDs as their 16 bytes,
/// in a table beyond):
/// whatever the storage, they must behave exactly like their text.
@Suite struct IdentifierTests {
    /// Printable ASCII without space, the characters an id may hold.
    static let alphabet = Array(UInt8(0x21)...UInt8(0x7E))

    static func randomText(length: Int, using rng: inout SplitMix64) -> String {
        String(decoding: (0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }, as: UTF8.self)
    }

    /// Texts around the inline limits (15 bytes now, 31 before) and pairs that share long prefixes.
    static func texts(seed: UInt64) -> [String] {
        var rng = SplitMix64(seed: seed)
        var texts: [String] = []
        for _ in 0..<150 {
            let length = Int(rng.next() % 64) + 1
            let text = randomText(length: length, using: &rng)
            texts.append(text)
            texts.append(String(text.dropLast()).isEmpty ? "!" : String(text.dropLast()))
            if length < 64 { texts.append(text + "~") }
            if length < 64 { texts.append(text + "!") }
        }
        texts += ["A", "B", "AB", "A!", String(repeating: "z", count: 31), String(repeating: "z", count: 32)]
        texts += [String(repeating: "z", count: 15), String(repeating: "z", count: 16), String(repeating: "z", count: 14) + "~"]
        texts += IdentifierStorageTests.uuidLikeTexts
        return texts
    }

    @Test(arguments: [1, 2, 15, 16, 30, 31, 32, 33, 63, 64])
    func valueAndDescriptionAreTheText(length: Int) throws {
        var rng = SplitMix64(seed: UInt64(length))
        let text = Self.randomText(length: length, using: &rng)
        let id = try ClientOrderID(text)
        #expect(id.value == text)
        #expect(id.description == text)
        #expect(try ClientOrderID(text) == id)
    }

    @Test func equalityHashAndOrderFollowTheText() throws {
        let texts = Self.texts(seed: 7)
        let ids = try texts.map { try StrategyID($0) }
        for i in texts.indices {
            for j in texts.indices {
                #expect((ids[i] == ids[j]) == (texts[i] == texts[j]), "\(texts[i]) vs \(texts[j])")
                #expect((ids[i] < ids[j]) == (texts[i] < texts[j]), "\(texts[i]) < \(texts[j])")
                if texts[i] == texts[j] { #expect(ids[i].hashValue == ids[j].hashValue) }
            }
        }
        #expect(ids.sorted().map(\.value) == texts.sorted())
        #expect(Set(ids).count == Set(texts).count)
    }

    @Test func numberedIDsAppendTheDigits() throws {
        let prefix = try VenueOrderID("SIM-")
        for number: UInt64 in [0, 7, 42, 1_000_000, UInt64(Int.max), .max] {
            let id = try VenueOrderID(prefix: prefix, number: number)
            #expect(id.value == "SIM-\(number)")
            #expect(id == (try VenueOrderID("SIM-\(number)")))
        }
        // Past the inline capacity the result is still the same id as the parsed text.
        let longPrefix = try TradeID(String(repeating: "T", count: 30))
        let long = try TradeID(prefix: longPrefix, number: 12_345)
        #expect(long.value == String(repeating: "T", count: 30) + "12345")
        #expect(long == (try TradeID(long.value)))
        // And the kind's length limit holds.
        let limit = try TradeID(String(repeating: "T", count: 60))
        #expect(throws: IdentifierError.tooLong(kind: "trade id", value: limit.value + "12345", maxLength: 64)) {
            try TradeID(prefix: limit, number: 12_345)
        }
    }

    /// From UTF-8 bytes (the journal decoder's path): the same id and the same errors as from the text.
    @Test(arguments: [
        "O-1", String(repeating: "w", count: 15), String(repeating: "v", count: 16), String(repeating: "x", count: 31),
        String(repeating: "y", count: 32), String(repeating: "z", count: 64), "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
    ])
    func fromBytesEqualsFromText(_ text: String) throws {
        let fromBytes = try Array(text.utf8).withUnsafeBytes { bytes throws(IdentifierError) in try ClientOrderID(utf8: bytes) }
        #expect(fromBytes == (try ClientOrderID(text)) && fromBytes.value == text)
    }

    @Test(arguments: ["", "a b", "tab\t", "é", String(repeating: "z", count: 65)])
    func fromBadBytesThrowsTheTextsError(_ text: String) throws {
        var fromText: IdentifierError?
        do { _ = try ClientOrderID(text) } catch { fromText = error }
        let expected = try #require(fromText)
        #expect(throws: expected) { try Array(text.utf8).withUnsafeBytes { bytes throws(IdentifierError) in try ClientOrderID(utf8: bytes) } }
    }

    @Test func codableFormatIsTheText() throws {
        let id = try AccountID(String(repeating: "a", count: 40))
        let data = try JSONEncoder().encode([id])
        #expect(String(decoding: data, as: UTF8.self) == "[\"\(id.value)\"]")
        #expect(try JSONDecoder().decode([AccountID].self, from: data) == [id])
        #expect(throws: IdentifierError.self) { try JSONDecoder().decode([AccountID].self, from: Data("[\"a b\"]".utf8)) }
    }

    @Test func currenciesKeepTheirCodeAndCodableFormat() throws {
        #expect(Currency.USD.code == "USD")
        #expect(Currency.USDT.code == "USDT")
        let custom = try Currency(code: "ABCDEFGHIJ", precision: 4, kind: .crypto)
        #expect(custom.code == "ABCDEFGHIJ" && custom.description == "ABCDEFGHIJ")
        #expect(custom != (try Currency(code: "ABCDEFGHI", precision: 4, kind: .crypto)))
        let data = try JSONEncoder().encode(custom)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["code"] as? String == "ABCDEFGHIJ" && object["precision"] as? Int == 4 && object["kind"] as? String == "crypto")
        #expect(try JSONDecoder().decode(Currency.self, from: data) == custom)
        let bad = Data(#"{"code":"usd","precision":2,"kind":"fiat"}"#.utf8)
        #expect(throws: CurrencyError.invalidCode("usd")) { try JSONDecoder().decode(Currency.self, from: bad) }
    }
}
