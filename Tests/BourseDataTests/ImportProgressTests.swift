import BourseCore
import BourseData
import Foundation
import Synchronization
import Testing

/// The progress callback of a CSV import: every 65,536 rows, then once at the end.
struct ImportProgressTests {
    final class Calls: Sendable {
        let values = Mutex<[[Int]]>([])
    }

    @Test func progressIsReportedInBytesUpToTheFileSize() throws {
        var text = "timestamp,open,high,low,close,volume\n"
        for minute in 0..<70_000 { text += "\(1_700_000_000 + 60 * minute),1.5,2,1,1.5,10\n" }
        let data = Data(text.utf8)
        let calls = Calls()
        var options = BarImportOptions(barType: Fixtures.barType("X.SIM", "1-MINUTE"), labels: .open)
        options.progress = { done, total in calls.values.withLock { $0.append([done, total]) } }
        let series = try BarCSVImporter.importBars(data: data, fileName: "progress.csv", options: options).series
        #expect(series.count == 70_000)
        let values = calls.values.withLock { $0 }
        #expect(values.count == 2)
        #expect(values.first.map { $0[0] > 0 && $0[0] < data.count && $0[1] == data.count } == true)
        #expect(values.last == [data.count, data.count])
    }

    /// Rows dropped for a wrong field count (here before any row was read, and right after the
    /// 65,536th) are no progress: one call at the 65,536th row, one at the end.
    @Test func droppedRowsDoNotReportProgressAgain() throws {
        let bad = "1,2\n"
        var text = "timestamp,open,high,low,close,volume\n" + String(repeating: bad, count: 3)
        for minute in 0..<65_536 { text += "\(1_700_000_000 + 60 * minute),1.5,2,1,1.5,10\n" }
        let firstStep = text.utf8.count
        text += String(repeating: bad, count: 5)
        for minute in 65_536..<65_546 { text += "\(1_700_000_000 + 60 * minute),1.5,2,1,1.5,10\n" }
        let data = Data(text.utf8)
        let calls = Calls()
        var options = BarImportOptions(barType: Fixtures.barType("X.SIM", "1-MINUTE"), labels: .open, mode: .repair)
        options.progress = { done, total in calls.values.withLock { $0.append([done, total]) } }
        let result = try BarCSVImporter.importBars(data: data, fileName: "progress.csv", options: options)
        #expect(result.series.count == 65_546)
        #expect(result.report.repairs.count == 8)
        #expect(calls.values.withLock { $0 } == [[firstStep, data.count], [data.count, data.count]])
    }
}
