import BourseCore
@testable import BourseData
import Foundation
import Testing

/// Each malformed fixture gives its documented error (kind, line, column) in strict mode.
struct MalformedFixtureTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let file: String
        let kind: DataIssue.Kind
        let line: Int
        let column: String?
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "missing_column.csv", kind: .missingColumn, line: 1, column: "close"),
        Case(file: "non_numeric.csv", kind: .notANumber, line: 3, column: "open"),
        Case(file: "empty.csv", kind: .emptyFile, line: 1, column: nil),
        Case(file: "header_only.csv", kind: .headerOnly, line: 1, column: nil),
        Case(file: "high_below_low.csv", kind: .ohlcInconsistent, line: 3, column: "high"),
        Case(file: "non_monotonic.csv", kind: .nonIncreasingTimestamp, line: 4, column: "timestamp"),
        Case(file: "duplicate_timestamp.csv", kind: .duplicateTimestamp, line: 4, column: "timestamp"),
        Case(file: "mixed_timezones.csv", kind: .mixedTimezones, line: 3, column: "timestamp"),
        Case(file: "precision_overflow.csv", kind: .excessPrecision, line: 3, column: "close"),
        Case(file: "truncated_last_line.csv", kind: .truncatedLine, line: 4, column: nil),
    ]

    static let options = BarImportOptions(barType: Fixtures.barType("EUR/USD.SIM", "1-MINUTE"), labels: .open)

    @Test(arguments: cases)
    func strictImportNamesFileLineColumnAndReason(_ c: Case) throws {
        let error = #expect(throws: DataImportError.self) {
            try BarCSVImporter.importBars(path: Fixtures.malformed(c.file), options: Self.options)
        }
        let issue = try #require(error?.firstIssue)
        #expect(issue.kind == c.kind)
        #expect(issue.file == c.file)
        #expect(issue.line == c.line)
        #expect(issue.column == c.column)
        #expect(error?.description.contains("\(c.file):\(c.line)") == true)
    }

    @Test func repairModeDropsAndFixesWithAReport() throws {
        var options = Self.options
        options.mode = .repair
        let dup = try BarCSVImporter.importBars(path: Fixtures.malformed("duplicate_timestamp.csv"), options: options)
        #expect(dup.series.count == 2)
        #expect(dup.report.repairs.map(\.fix) == [.dropped])
        #expect(dup.report.repairs.first?.issue.line == 4)
        let hl = try BarCSVImporter.importBars(path: Fixtures.malformed("high_below_low.csv"), options: options)
        #expect(hl.series.count == 2)
        #expect(hl.report.repairs.map(\.fix) == [.widenedHighLow])
        let high = try Price(parsing: "1.2")
        let low = try Price(parsing: "1.0")
        #expect(hl.series[1].high == high)
        #expect(hl.series[1].low == low)
        let nn = try BarCSVImporter.importBars(path: Fixtures.malformed("non_numeric.csv"), options: options)
        #expect(nn.series.count == 1)
        #expect(nn.report.repairs.map { $0.issue.kind } == [.notANumber])
    }

    @Test func strictModeListsAtMostTwentyProblems() throws {
        var text = "timestamp,open,high,low,close\n"
        for i in 0..<30 { text += "2024-01-01 00:\(String(format: "%02d", i)):00,1,x,1,1\n" }
        let error = #expect(throws: DataImportError.self) {
            try BarCSVImporter.importBars(data: Data(text.utf8), fileName: "many.csv", options: Self.options)
        }
        guard case .invalid(_, let issues) = error else { Issue.record("expected .invalid"); return }
        #expect(issues.count == 20)
        #expect(issues.map(\.line) == Array(2...21))
    }

    @Test func twoGigabyteClaimingHeaderIsACorruptHeader() throws {
        let error = #expect(throws: BarFileError.self) { try BarFile(path: Fixtures.malformed("claims_2GB.bars")) }
        guard case .corruptHeader(_, let reason) = error else { Issue.record("expected .corruptHeader, got \(String(describing: error))"); return }
        #expect(reason.contains("44739243 rows"))
    }
}
