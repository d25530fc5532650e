import BourseCore
@testable import BourseData
import BourseTestKit
import Testing

/// The byte-level parsers against independent readings of the same text.
struct ParsingTests {
    /// Random unquoted CSV (random delimiter, LF or CRLF, fields of 0–20 bytes, with or
    /// without a final line break) scans to the same fields and lines as `split`.
    @Test(arguments: 0..<100)
    func scannerMatchesSplitOnRandomText(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        let delimiter = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")].randomElement(using: &rng)!
        let alphabet = Array("0123456789.-: +abcXYZé".utf8)
        let crlf = Bool.random(using: &rng)
        var rows: [[[UInt8]]] = []
        var text: [UInt8] = []
        for _ in 0..<Int.random(in: 1...30, using: &rng) {
            let fields = (0..<Int.random(in: 1...12, using: &rng)).map { _ in
                (0..<Int.random(in: 0...20, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            }
            if fields == [[]] { continue }  // an empty line is skipped, not a row
            rows.append(fields)
            text += Array(fields.joined(separator: [delimiter]))
            text += crlf ? [0x0D, 0x0A] : [0x0A]
        }
        if Bool.random(using: &rng), !text.isEmpty { text.removeLast(crlf ? 2 : 1) }
        let input = text
        let expected = rows
        input.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var scanner = CSVScanner(base: base, count: buffer.count, delimiter: delimiter)
            var k = 0
            while scanner.nextRow() {
                guard k < expected.count else {
                    Issue.record("seed \(seed): more rows than written")
                    return
                }
                let fields = (0..<scanner.fieldCount).map { Array(buffer[scanner.start($0)..<scanner.end($0)]) }
                #expect(fields == expected[k], "seed \(seed), row \(k)")
                #expect(scanner.line == k + 1, "seed \(seed)")
                k += 1
            }
            #expect(k == expected.count, "seed \(seed)")
        }
    }

    struct DecimalCase: Sendable, CustomTestStringConvertible {
        let text: String
        let status: DecimalText.Status
        var mantissa: Int64 = 0
        var decimals = 0
        var testDescription: String { "'\(text)'" }
    }

    static let decimalCases: [DecimalCase] = [
        DecimalCase(text: "1.20000", status: .ok, mantissa: 120_000, decimals: 5),
        DecimalCase(text: "-0.5", status: .ok, mantissa: -5, decimals: 1),
        DecimalCase(text: "+7", status: .ok, mantissa: 7),
        DecimalCase(text: "  42 ", status: .ok, mantissa: 42),
        DecimalCase(text: "1.", status: .ok, mantissa: 1),
        DecimalCase(text: ".5", status: .ok, mantissa: 5, decimals: 1),
        DecimalCase(text: "123456789012345678", status: .ok, mantissa: 123_456_789_012_345_678),
        // 19 and more characters take the long path: leading zeros are not significant.
        DecimalCase(text: "12345678901234567.8", status: .ok, mantissa: 123_456_789_012_345_678, decimals: 1),
        DecimalCase(text: "0000000000000000000001.5", status: .ok, mantissa: 15, decimals: 1),
        DecimalCase(text: "1234567890123456789", status: .overflow),
        DecimalCase(text: "1.2.3", status: .notANumber),
        DecimalCase(text: "0000000000000000001.2.3", status: .notANumber),
        DecimalCase(text: "", status: .notANumber),
        DecimalCase(text: "-", status: .notANumber),
        DecimalCase(text: ".", status: .notANumber),
        DecimalCase(text: "1e5", status: .notANumber),
        DecimalCase(text: "12a", status: .notANumber),
    ]

    @Test(arguments: decimalCases)
    func decimalsParseExactly(_ c: DecimalCase) {
        var bytes = Array(c.text.utf8)
        let count = bytes.count
        bytes.append(0)
        let parsed = bytes.withUnsafeBufferPointer { DecimalText.parse($0.baseAddress!, 0, count) }
        #expect(parsed.status == c.status)
        if c.status == .ok {
            #expect(parsed.mantissa == c.mantissa)
            #expect(parsed.decimals == c.decimals)
        }
    }

    /// The day cache gives what a fresh parse gives, across day changes, and never
    /// accepts a bad date because the previous one was cached.
    @Test func dayCacheAgreesWithFreshParses() {
        let texts = [
            "2024-02-28 23:59:00", "2024-02-29 00:00:00", "2024-02-29 12:30:15", "2024-03-01T00:00:00Z", "2024-02-29 00:01:00",
            "2023-02-29 00:00:00", "2024-02-29 25:00:00", "2024-02-29",
        ]
        var cache = TimestampText.DayCache()
        for text in texts {
            var bytes = Array(text.utf8)
            let count = bytes.count
            bytes.append(0)
            let (cached, fresh) = bytes.withUnsafeBufferPointer { buffer in
                (
                    TimestampText.parse(buffer.baseAddress!, 0, count, format: .auto, cache: &cache)?.nanos,
                    TimestampText.parse(buffer.baseAddress!, 0, count, format: .auto)?.nanos
                )
            }
            #expect(cached == fresh, "\(text)")
            #expect(cached == UnixNanos(parsing: text)?.rawValue, "\(text)")
        }
        #expect(UnixNanos(parsing: "2023-02-29") == nil)
        #expect(UnixNanos(parsing: "2024-02-29")?.rawValue == CivilDateTime.days(fromCivil: 2024, 2, 29) * Nanoseconds.perDay)
    }
}
