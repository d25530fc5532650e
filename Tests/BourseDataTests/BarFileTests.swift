import BourseCore
@testable import BourseData
import Foundation
import Testing

struct BarFileTests {
    /// Reference values from Python `xxhash` 3.x (`xxhash.xxh64_intdigest`).
    struct HashCase: Sendable {
        let input: [UInt8]
        let expected: UInt64
    }

    static let hashCases: [HashCase] = [
        HashCase(input: [], expected: 0xef46db3751d8e999),
        HashCase(input: Array("a".utf8), expected: 0xd24ec4f1a98c6e5b),
        HashCase(input: Array("abc".utf8), expected: 0x44bc2cf5ad770999),
        HashCase(input: (0..<768).map { UInt8($0 % 256) }, expected: 0x8e03c838c596036f),
        HashCase(input: Array(String(repeating: "Bourse columnar bar file", count: 5).utf8), expected: 0x8edfedd2f8863aec),
    ]

    @Test(arguments: hashCases)
    func xxhash64MatchesTheReference(_ c: HashCase) {
        let input = c.input
        let expected = c.expected
        var bytes = input
        bytes.append(0)  // a valid base address even for the empty input
        let hash = bytes.withUnsafeBytes { XXHash64.hash($0.baseAddress!, count: input.count) }
        #expect(hash == expected)
    }

    static func gbpusd() throws -> BarSeries {
        let options = BarImportOptions(barType: Fixtures.barType("GBP/USD.FXCM", "1-MINUTE-BID"), labels: .open)
        return try BarCSVImporter.importBars(path: Fixtures.data("GBPUSD_1m_bid_2012-02.csv"), options: options).series
    }

    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("bourse-\(UUID().uuidString)-\(name)").path
    }

    @Test func roundTripsARealSeriesByMemoryMapping() throws {
        let series = try Self.gbpusd()
        let path = Self.temporaryPath("gbpusd.bars")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try BarFileWriter.write(series, to: path)
        let file = try BarFile(path: path)
        #expect(file.count == 30117)
        #expect(file.barType == series.barType)
        #expect(file.pricePrecision == 5)
        #expect(Array(file.closes) == series.closes)
        #expect(file.series() == series)
        #expect(file[0] == series[0])
    }

    @Test func emptySeriesRoundTrips() throws {
        let series = BarSeries(barType: Fixtures.barType("X.TEST", "1-DAY"), pricePrecision: 2, sizePrecision: 0)
        let path = Self.temporaryPath("empty.bars")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try BarFileWriter.write(series, to: path)
        #expect(try BarFile(path: path).series() == series)
    }

    @Test func truncatedCorruptedAndForeignFilesAreErrors() throws {
        let series = try Self.gbpusd()
        let path = Self.temporaryPath("damaged.bars")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try BarFileWriter.write(series, to: path)
        let good = try Data(contentsOf: URL(fileURLWithPath: path))

        try good.prefix(good.count - 8).write(to: URL(fileURLWithPath: path))
        #expect { try BarFile(path: path) } throws: { error in
            if case BarFileError.corruptHeader = error { return true } else { return false }
        }
        var flipped = good
        flipped[flipped.count - 100] ^= 0x01
        try flipped.write(to: URL(fileURLWithPath: path))
        #expect { try BarFile(path: path) } throws: { error in
            if case BarFileError.checksumMismatch = error { return true } else { return false }
        }
        var header = good
        header[17] ^= 0x40  // row count changed: the header's own checksum catches it
        try header.write(to: URL(fileURLWithPath: path))
        #expect { try BarFile(path: path) } throws: { error in
            if case BarFileError.corruptHeader = error { return true } else { return false }
        }
        try Data("timestamp,open\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: BarFileError.notABarFile(path: path)) { try BarFile(path: path) }
        try Data(good.prefix(10)).write(to: URL(fileURLWithPath: path))
        #expect(throws: BarFileError.notABarFile(path: path)) { try BarFile(path: path) }
    }
}
