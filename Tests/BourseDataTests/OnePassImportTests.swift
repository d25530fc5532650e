import BourseCore
@testable import BourseData
import BourseTestKit
import Foundation
import Testing

/// The one-pass CSV reader and the direct CSV → bar file import against the general
/// field-by-field path and the in-memory series written by ``BarFileWriter``.
struct OnePassImportTests {
    static let barType = Fixtures.barType("RW.SIM", "1-MINUTE")

    /// A random CSV of one-minute bars: mostly plain rows, with the irregular ones the
    /// one-pass reader leaves to the general path (quotes, spaces, signs, CRLF, empty and
    /// comment lines, missing or extra fields, bad numbers and timestamps, long numbers,
    /// more decimals, duplicates, high below low, a last line without a break).
    static func randomCSV(seed: Int, rows: Int = 300) -> (text: String, volume: Bool) {
        var rng = SplitMix64(seed: UInt64(seed))
        let volume = Bool.random(using: &rng)
        let crlf = Int.random(in: 0..<4, using: &rng) == 0
        let eol = crlf ? "\r\n" : "\n"
        var text = (volume ? "timestamp,open,high,low,close,volume" : "timestamp,open,high,low,close") + eol
        var minute = 0
        var price = 120_000
        let irregularity = Int.random(in: 0...30, using: &rng)  // percent of irregular rows
        func decimal(_ raw: Int, _ places: Int = 5) -> String {
            let divisor = Int(pow(10.0, Double(places)))
            let fraction = String(raw % divisor)
            return "\(raw / divisor).\(String(repeating: "0", count: places - fraction.count))\(fraction)"
        }
        for _ in 0..<rows {
            minute += Int.random(in: 0..<20, using: &rng) == 0 ? 0 : 1
            price += Int.random(in: -20...20, using: &rng)
            let open = price
            let close = price + Int.random(in: -20...20, using: &rng)
            let high = max(open, close) + Int.random(in: 0..<10, using: &rng)
            let low = min(open, close) - Int.random(in: 0..<10, using: &rng)
            let time = "2024-01-\(String(format: "%02d", 1 + minute / 1440)) \(String(format: "%02d:%02d", minute / 60 % 24, minute % 60)):00"
            var fields = [time, decimal(open), decimal(high), decimal(low), decimal(close)]
            if volume { fields.append(String(Int.random(in: 0..<5000, using: &rng))) }
            if Int.random(in: 0..<100, using: &rng) < irregularity {
                let k = Int.random(in: 0..<fields.count, using: &rng)
                switch Int.random(in: 0..<16, using: &rng) {
                case 0: fields[k] = "\"\(fields[k])\""
                case 1: fields[k] = " \(fields[k])"
                case 2: fields[k] = k == 0 ? fields[k] : "+\(fields[k])"
                case 3: text += eol
                case 4: text += "# a comment\(eol)"
                case 5: fields.removeLast()
                case 6: fields.append("1")
                case 7: fields[k] = "x\(fields[k])"
                case 8: fields[k] = k == 0 ? "2024-13-01 00:00:00" : "1.2.3"
                case 9: fields[k] = k == 0 ? fields[k] : "0000000000000000\(fields[k])"
                case 10: fields[k] = k == 0 ? fields[k] : "\(fields[k])5"
                case 11: fields[k] = k == 0 ? String(fields[k].prefix(10)) : ""
                case 12: (fields[2], fields[3]) = (fields[3], fields[2])
                case 13: fields[k] = k == 0 ? "\(fields[k])Z" : "\(fields[k]).5"
                case 14: fields[k] = k == 0 ? fields[k] : "-\(fields[k])"
                default: fields[k] = k == 0 ? fields[k] : "1234567890123456789"
                }
            }
            text += fields.joined(separator: ",") + eol
        }
        if Bool.random(using: &rng) { text.removeLast(crlf ? 2 : 1) }
        return (text, volume)
    }

    static func options(seed: Int) -> BarImportOptions {
        var rng = SplitMix64(seed: UInt64(seed) &* 31)
        var options = BarImportOptions(barType: barType, labels: .open)
        options.mode = Bool.random(using: &rng) ? .strict : .repair
        if Bool.random(using: &rng) { options.tickSize = try? Price(parsing: "0.00001") }
        return options
    }

    /// The import as a value: the series and report, or the error.
    static func outcome(_ text: String, _ options: BarImportOptions, onePass: Bool) -> Result<BarImport, DataImportError> {
        Result { () throws(DataImportError) in
            try BarCSVImporter.importWithExtra(data: Data(text.utf8), fileName: "random.csv", layout: CSVBarLayout(), options: options, onePass: onePass).0
        }
    }

    @Test(arguments: 0..<80)
    func onePassReaderMatchesTheGeneralPath(seed: Int) {
        let (text, _) = Self.randomCSV(seed: seed)
        let options = Self.options(seed: seed)
        switch (Self.outcome(text, options, onePass: true), Self.outcome(text, options, onePass: false)) {
        case (.success(let fast), .success(let general)):
            #expect(fast.series == general.series, "seed \(seed)")
            #expect(fast.report == general.report, "seed \(seed)")
        case (.failure(let fast), .failure(let general)):
            #expect(fast == general, "seed \(seed)")
        case (let fast, let general):
            Issue.record("seed \(seed): one pass \(fast), general \(general)")
        }
    }

    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("bourse-\(UUID().uuidString)-\(name)").path
    }

    /// Imports `csv` into a bar file and checks it holds exactly what the in-memory import
    /// written by ``BarFileWriter`` holds (same bytes), or that both fail alike and no file is left.
    static func expectDirectImportMatchesWriter(csv: String, options: BarImportOptions, _ context: String) throws {
        let direct = temporaryPath("direct.bars")
        let written = temporaryPath("written.bars")
        defer {
            for path in [direct, written] { try? FileManager.default.removeItem(atPath: path) }
        }
        let reference = Result { () throws(DataImportError) in try BarCSVImporter.importBars(path: csv, options: options) }
        let report = Result { () throws(DataImportError) in try BarCSVImporter.importBarFile(path: csv, to: direct, options: options) }
        switch (report, reference) {
        case (.success(let report), .success(let reference)):
            #expect(report == reference.report, "\(context)")
            try BarFileWriter.write(reference.series, to: written)
            #expect(FileManager.default.contents(atPath: direct) == FileManager.default.contents(atPath: written), "\(context)")
            let file = try BarFile(path: direct, verify: true)
            #expect(file.series() == reference.series, "\(context)")
        case (.failure(let error), .failure(let expected)):
            #expect(error == expected, "\(context)")
            #expect(!FileManager.default.fileExists(atPath: direct), "\(context)")
        case (let report, let reference):
            Issue.record("\(context): direct \(report), in memory \(reference)")
        }
        #expect(!FileManager.default.fileExists(atPath: direct + ".tmp"), "\(context)")
    }

    @Test(arguments: 0..<40)
    func barFileImportMatchesTheWrittenSeriesOnRandomFiles(seed: Int) throws {
        let csv = Self.temporaryPath("random.csv")
        defer { try? FileManager.default.removeItem(atPath: csv) }
        try Data(Self.randomCSV(seed: seed, rows: 5000).text.utf8).write(to: URL(fileURLWithPath: csv))
        try Self.expectDirectImportMatchesWriter(csv: csv, options: Self.options(seed: seed), "seed \(seed)")
    }

    @Test(arguments: RealFileImportTests.cases.filter { !$0.yahoo })
    func barFileImportMatchesTheWrittenSeriesOnRealFiles(_ c: RealFileImportTests.Case) throws {
        var options = BarImportOptions(barType: Fixtures.barType("X.TEST", c.spec), labels: c.labels)
        if let sizePrecision = c.sizePrecision {
            options.sizePrecision = sizePrecision
            options.mode = .repair
        }
        try Self.expectDirectImportMatchesWriter(csv: Fixtures.data(c.file), options: options, c.file)
    }

    @Test(arguments: MalformedFixtureTests.cases.map(\.file), [ValidationMode.strict, .repair])
    func barFileImportOfMalformedFilesFailsOrRepairsAlike(_ file: String, _ mode: ValidationMode) throws {
        var options = MalformedFixtureTests.options
        options.mode = mode
        try Self.expectDirectImportMatchesWriter(csv: Fixtures.malformed(file), options: options, "\(file) \(mode)")
    }

    /// Prices gain decimals after several hash blocks: the written columns are scaled in
    /// place and hashed anew, and the file still verifies.
    @Test func pricesWidenedAfterManyRowsStillVerify() throws {
        var text = "timestamp,open,high,low,close,volume\n"
        for i in 0..<10_000 {
            let price = i == 9_000 ? "1.123456" : "1.12"
            text += String(format: "2024-01-%02d %02d:%02d:00", 1 + i / 1440, i / 60 % 24, i % 60) + ",\(price),\(price),\(price),\(price),\(i).5\n"
        }
        let csv = Self.temporaryPath("widen.csv")
        defer { try? FileManager.default.removeItem(atPath: csv) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: csv))
        try Self.expectDirectImportMatchesWriter(csv: csv, options: BarImportOptions(barType: Self.barType, labels: .open), "widen")
        let series = try BarCSVImporter.importBars(path: csv, options: BarImportOptions(barType: Self.barType, labels: .open)).series
        #expect(series.pricePrecision == 6)
        #expect(series.sizePrecision == 1)
        #expect(series.closes[0] == 1_120_000)
    }

    /// A precision widening that would overflow a later row's price drops the row being
    /// read (repair mode) and leaves every kept row as it was, in memory and in the file.
    @Test func anOverflowingWideningChangesNothing() throws {
        let text = """
            timestamp,open,high,low,close
            2024-01-01 00:00:00,1,1,1,1
            2024-01-01 00:01:00,923456789012345678,923456789012345678,923456789012345678,923456789012345678
            2024-01-01 00:02:00,1.5,1.5,1.5,1.5
            2024-01-01 00:03:00,2,2,2,2

            """
        let csv = Self.temporaryPath("overflow.csv")
        defer { try? FileManager.default.removeItem(atPath: csv) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: csv))
        let options = BarImportOptions(barType: Self.barType, labels: .open, mode: .repair)
        let result = try BarCSVImporter.importBars(path: csv, options: options)
        #expect(result.series.pricePrecision == 0)
        #expect(result.series.opens == [1, 923_456_789_012_345_678, 2])
        #expect(result.report.repairs.map(\.issue.line) == [4])
        try Self.expectDirectImportMatchesWriter(csv: csv, options: options, "overflow")
    }

    @Test func aFailedBarFileImportLeavesAnExistingFileAlone() throws {
        let target = Self.temporaryPath("kept.bars")
        defer { try? FileManager.default.removeItem(atPath: target) }
        try Data("previous".utf8).write(to: URL(fileURLWithPath: target))
        #expect(throws: DataImportError.self) {
            try BarCSVImporter.importBarFile(path: Fixtures.malformed("high_below_low.csv"), to: target, options: MalformedFixtureTests.options)
        }
        #expect(FileManager.default.contents(atPath: target) == Data("previous".utf8))
        #expect(!FileManager.default.fileExists(atPath: target + ".tmp"))
    }

    /// Line breaks counted 32 bytes at a time agree with a byte-by-byte count on random
    /// text of LF, CR, CRLF and other bytes, and bound the rows the scanner finds.
    @Test(arguments: 0..<50)
    func lineBreakCountMatchesAByteLoopAndBoundsTheRows(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        let alphabet: [UInt8] = [0x0A, 0x0D, 0x2C, 0x31, 0x22, 0x23]
        let bytes = (0..<Int.random(in: 0...300, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
        var expected = 0
        for (i, b) in bytes.enumerated() where b == 0x0A || (b == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
            expected += 1
        }
        let padded = bytes + [0]
        padded.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            #expect(LineBreaks.count(base, from: 0, to: bytes.count) == expected, "seed \(seed)")
            var scanner = CSVScanner(base: base, count: bytes.count, commentByte: 0x23)
            var rows = 0
            while scanner.nextRow() { rows += 1 }
            #expect(rows <= expected + 1, "seed \(seed)")
        }
    }

    /// XXH64 fed in random pieces gives the one-shot hash of the whole.
    @Test(arguments: 0..<50)
    func incrementalHashMatchesTheOneShotHash(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        let bytes = (0..<Int.random(in: 0...500, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) } + [0]
        let count = bytes.count - 1
        bytes.withUnsafeBytes { raw in
            let base = raw.baseAddress!
            var state = XXHash64.State()
            var offset = 0
            while offset < count {
                let piece = Int.random(in: 0...min(70, count - offset), using: &rng)
                state.update(base + offset, count: piece)
                offset += piece
            }
            #expect(state.digest == XXHash64.hash(base, count: count), "seed \(seed)")
        }
    }
}
