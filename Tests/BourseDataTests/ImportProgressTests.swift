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
}
