@testable import BourseCore
import Foundation
import PropertyBased
import Testing

/// Property tests of identifiers over random valid texts of every length (1…64, the inline,
/// UUID and table forms of the 16-byte storage) and random UUID texts (both letter cases, mixed
/// case, every version and variant): an id must behave exactly like its text.
@Suite struct IdentifierPropertyTests {
    /// Random valid texts of 1…64 printable ASCII characters without space.
    static let plainTexts = Gen.uint8(in: 0x21...0x7E).array(of: 1...64).map { String(decoding: $0, as: UTF8.self) }

    /// Random UUID texts: any bits (every version and variant) or the RFC 4122 variant, in lower,
    /// upper or mixed case (mixed-case texts are not UUIDs to the storage: kept in the table).
    static let uuidTexts = zip(Gen.uint64(), Gen.uint64(), Gen.bool, Gen.int(in: 0...2)).map { high, low, rfc, letterCase in
        let low = rfc ? low & 0x3FFF_FFFF_FFFF_FFFF | 0x8000_0000_0000_0000 : low
        let text = UUIDText.string(high: high, low: low, upperCase: letterCase == 1)
        return letterCase == 2 ? mixedCase(text) : text
    }

    /// Plain texts and UUID texts, evenly.
    static let texts = zip(plainTexts, uuidTexts, Gen.bool).map { plain, uuid, pickUUID in pickUUID ? uuid : plain }

    /// `text` with its first hex letter in upper case and the others as they are.
    static func mixedCase(_ text: String) -> String {
        var bytes = Array(text.utf8)
        if let index = bytes.firstIndex(where: { (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }) {
            bytes[index] -= 0x20
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A second text related to `text` by `relation`: itself, a prefix, an extension, the last
    /// character changed, its letters in the other case, or the unrelated `other`.
    static func related(_ text: String, _ other: String, relation: Int) -> String {
        switch relation {
        case 0: text
        case 1: text.count > 1 ? String(text.dropLast()) : other
        case 2: text.count < 64 ? text + String(other.prefix(1)) : other
        case 3: String(text.dropLast()) + String(other.suffix(1))
        case 4: text.uppercased() == text ? text.lowercased() : text.uppercased()
        default: other
        }
    }

    static func id(_ text: String) throws(IdentifierError) -> StrategyID { try StrategyID(text) }

    static func result(_ make: () throws(IdentifierError) -> ClientOrderID) -> Result<ClientOrderID, IdentifierError> {
        do { return .success(try make()) } catch { return .failure(error) }
    }

    @Test func textToIDToTextIsIdentity() async {
        await propertyCheck(count: 2_000, input: Self.texts) { text in
            let id = try Self.id(text)
            #expect(id.value == text)
            #expect(id.description == text)
            #expect(MemoryLayout.size(ofValue: id) == 16)
        }
    }

    @Test func equalityOrderAndHashFollowTheText() async {
        await propertyCheck(count: 2_000, input: Self.texts, Self.texts, Gen.int(in: 0...5)) { text, other, relation in
            let second = Self.related(text, other, relation: relation)
            let (a, b) = (try Self.id(text), try Self.id(second))
            #expect((a == b) == (text == second))
            #expect((a < b) == (text < second))
            #expect((b < a) == (second < text))
            if text == second { #expect(a.hashValue == b.hashValue) }
        }
    }

    @Test func codableRoundTripIsTheText() async {
        await propertyCheck(count: 500, input: Self.texts) { text in
            let id = try Self.id(text)
            let data = try JSONEncoder().encode([id])
            #expect(try JSONDecoder().decode([String].self, from: data) == [text])
            #expect(try JSONDecoder().decode([StrategyID].self, from: data) == [id])
        }
    }

    /// From UTF-8 bytes: the same id as from the text, or the same error — also for invalid bytes.
    @Test func fromBytesEqualsFromText() async {
        let anyBytes = Gen.uint8(in: 0x1F...0x80).array(of: 0...66).map { String(decoding: $0, as: UTF8.self) }
        let inputs = zip(Self.texts, anyBytes, Gen.bool).map { valid, any, pickValid in pickValid ? valid : any }
        await propertyCheck(count: 2_000, input: inputs) { text in
            let fromBytes = Array(text.utf8).withUnsafeBytes { bytes in
                Self.result { () throws(IdentifierError) in try ClientOrderID(utf8: bytes) }
            }
            #expect(fromBytes == Self.result { () throws(IdentifierError) in try ClientOrderID(text) })
        }
    }

    /// Numbers whose digits bring a prefix of `prefixLength` to 13…17 characters (around the
    /// 15-byte inline limit), or any number.
    static let numbers = zip(Gen.int(in: 13...17), Gen.uint64(), Gen.bool)

    static func number(prefixLength: Int, total: Int, random: UInt64, anyNumber: Bool) -> UInt64 {
        let digits = total - prefixLength
        guard !anyNumber, (1...19).contains(digits) else { return random }
        var lowest: UInt64 = 1
        for _ in 1..<digits { lowest *= 10 }
        return lowest + random % (lowest * 9)
    }

    @Test func numberedIDsEqualTheParsedText() async {
        await propertyCheck(count: 2_000, input: Self.texts, Self.numbers) { prefixText, numberInput in
            let (total, random, anyNumber) = numberInput
            let prefix = try ClientOrderID(prefixText)
            let number = Self.number(prefixLength: prefixText.utf8.count, total: total, random: random, anyNumber: anyNumber)
            let numbered = Self.result { () throws(IdentifierError) in try ClientOrderID(prefix: prefix, number: number) }
            #expect(numbered == Self.result { () throws(IdentifierError) in try ClientOrderID(prefixText + String(number)) })
            if case .success(let id) = numbered { #expect(id.value == prefixText + String(number)) }
        }
    }

    @Test func shortPrefixesAroundTheInlineLimit() async {
        let shortPrefixes = Gen.uint8(in: 0x21...0x7E).array(of: 1...15).map { String(decoding: $0, as: UTF8.self) }
        await propertyCheck(count: 2_000, input: shortPrefixes, Self.numbers) { prefixText, numberInput in
            let (total, random, _) = numberInput
            let prefix = try ClientOrderID(prefixText)
            let number = Self.number(prefixLength: prefixText.utf8.count, total: total, random: random, anyNumber: false)
            let id = try ClientOrderID(prefix: prefix, number: number)
            #expect(id.value == prefixText + String(number))
            #expect(id == (try ClientOrderID(prefixText + String(number))))
        }
    }
}
