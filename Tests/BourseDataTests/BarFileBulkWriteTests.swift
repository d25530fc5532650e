import BourseCore
@testable import BourseData
import BourseTestKit
import Foundation
import Testing

/// `BarFileWriter.write` copies each column in bulk; the file must be byte for byte the one the
/// row-by-row path (`BarFileOutput.append(timestamp:…)`, what the CSV importer writes) gives.
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

    /// The file written row by row: every row of `head` appended one at a time, then `tail`'s rows
    /// either one at a time too or (`bulkTail`) in one bulk append.
    static func write(_ head: BarSeries, then tail: BarSeries, bulkTail: Bool, to path: String) throws -> Data {
        var output = try BarFileOutput(
            path: path, barType: head.barType, pricePrecision: head.pricePrecision, sizePrecision: head.sizePrecision,
            capacity: head.count + tail.count)
        for series in bulkTail ? [head] : [head, tail] {
            for i in 0..<series.count {
                output.append(
                    timestamp: series.timestamps[i], open: series.opens[i], high: series.highs[i], low: series.lows[i],
                    close: series.closes[i], volume: series.volumes[i])
            }
        }
        if bulkTail { output.append(tail) }
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
        let empty = BarSeries(barType: series.barType, pricePrecision: series.pricePrecision, sizePrecision: series.sizePrecision)
        let bulk = BarFileTests.temporaryPath("bulk.bars")
        let rows = BarFileTests.temporaryPath("rows.bars")
        defer { for path in [bulk, rows] { try? FileManager.default.removeItem(atPath: path) } }
        try BarFileWriter.write(series, to: bulk)
        let expected = try Self.write(series, then: empty, bulkTail: false, to: rows)
        #expect(try Data(contentsOf: URL(fileURLWithPath: bulk)) == expected, "seed \(seed), \(count) rows")
        #expect(try BarFile(path: bulk, verify: true).series() == series)
    }

    /// A bulk append after rows appended one by one (a partly hashed block) gives the same bytes.
    @Test(arguments: [(0, 1), (1, 4095), (4095, 2), (4097, 9000), (5000, 0)])
    func aBulkAppendAfterSingleRowsWritesTheSameBytes(head: Int, tail: Int) throws {
        let first = Self.randomSeries(head, seed: 100)
        let second = Self.randomSeries(tail, seed: 200)
        let mixed = BarFileTests.temporaryPath("mixed.bars")
        let rows = BarFileTests.temporaryPath("rows.bars")
        defer { for path in [mixed, rows] { try? FileManager.default.removeItem(atPath: path) } }
        #expect(try Self.write(first, then: second, bulkTail: true, to: mixed) == Self.write(first, then: second, bulkTail: false, to: rows))
    }
}
