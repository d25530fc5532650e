import BourseCore
@testable import BourseData
import BourseTestKit
import Foundation
import Testing

/// `BarFileWriter.write` writes each column in bulk from the series; the file must be byte for byte
/// the one the row-by-row path (`BarFileOutput.append(timestamp:…)`, what the CSV importer writes) gives.
struct BarFileBulkWriteTests {
    /// A seeded series of `count` rows of arbitrary raw values (the writer does not validate).
    static func randomSeries(_ count: Int, seed: UInt64) -> BarSeries {
        var random = SplitMix64(seed: seed)
        var series = BarSeries(barType: Fixtures.barType("RW.SIM", "1-MINUTE"), pricePrecision: 4, sizePrecision: 2)
        for _ in 0..<count {
            series.appendRaw(
                timestamp: Int64(bitPattern: random.next()), open: Int64(bitPattern: random.next()),
                high: Int64(bitPattern: random.next()), low: Int64(bitPattern: random.next()),
                close: Int64(bitPattern: random.next()), volume: Int64(bitPattern: random.next()))
        }
        return series
    }

    /// The file the row-by-row path writes for `series`.
    static func writeRowByRow(_ series: BarSeries, to path: String) throws -> Data {
        var output = try BarFileOutput(
            path: path, barType: series.barType, pricePrecision: series.pricePrecision,
            sizePrecision: series.sizePrecision, capacity: series.count)
        for i in 0..<series.count {
            output.append(
                timestamp: series.timestamps[i], open: series.opens[i], high: series.highs[i], low: series.lows[i],
                close: series.closes[i], volume: series.volumes[i])
        }
        try output.commit()
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// Block edges (4,096 rows are hashed at a time), then eight seeded sizes.
    static let sizes: [Int] = {
        var random = SplitMix64(seed: 42)
        return [0, 1, 4095, 4096, 4097, 8192, 12_289] + (0..<8).map { _ in 1 + Int(random.next() % 20_000) }
    }()

    @Test(arguments: sizes.enumerated().map { ($0.offset, $0.element) })
    func theBulkWriterWritesTheBytesOfTheRowByRowWriter(seed: Int, count: Int) throws {
        let series = Self.randomSeries(count, seed: UInt64(seed))
        let bulk = BarFileTests.temporaryPath("bulk.bars")
        let rows = BarFileTests.temporaryPath("rows.bars")
        defer { for path in [bulk, rows] { try? FileManager.default.removeItem(atPath: path) } }
        try BarFileWriter.write(series, to: bulk)
        let expected = try Self.writeRowByRow(series, to: rows)
        #expect(try Data(contentsOf: URL(fileURLWithPath: bulk)) == expected, "seed \(seed), \(count) rows")
        #expect(try BarFile(path: bulk, verify: true).series() == series)
    }

    @Test func anUnwritablePathIsAnErrorAndLeavesNothing() throws {
        let directory = BarFileTests.temporaryPath("missing")
        let path = directory + "/x.bars"
        #expect(throws: BarFileError.self) { try BarFileWriter.write(Self.randomSeries(10, seed: 1), to: path) }
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp"))
    }
}
