import ArgumentParser
import Foundation
import Testing

@testable import bourse

/// `bourse data` commands run as typed: import → show → export → re-import gives the same bars.
@Suite struct DataCommandTests {
    static let goog = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/data/GOOG.csv").path

    private func run(_ arguments: [String]) throws {
        var command = try Bourse.parseAsRoot(arguments)
        try command.run()
    }

    private func show(_ arguments: [String]) throws -> String {
        try #require(try Bourse.parseAsRoot(["data", "show"] + arguments) as? DataCommand.Show).output()
    }

    @Test func importShowExportRoundTrips() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bourse-cli-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try run(["data", "import", Self.goog, "--instrument", "GOOG.NASDAQ", "--format", "generic", "--data-dir", "\(dir)/a"])
        let table = try show(["GOOG.NASDAQ", "--from", "2013-02-27", "--to", "2013-03-01T00:00:00Z", "--data-dir", "\(dir)/a"])
        #expect(
            table == """
                close time (UTC)                  open    high     low   close   volume
                2013-02-27T00:00:00.000000000Z  795.00  795.95  784.40  790.13  2202500
                2013-02-28T00:00:00.000000000Z  794.80  804.75  791.11  799.78  2026100
                2013-03-01T00:00:00.000000000Z  801.10  806.99  801.03  801.20  2265800
                3 bar(s) of GOOG.NASDAQ-1-DAY-LAST

                """)
        // CSV (close labels) and bar file exports import back to the same table.
        try run(["data", "export", "GOOG.NASDAQ", "-o", "\(dir)/goog.csv", "--data-dir", "\(dir)/a"])
        try run(["data", "export", "GOOG.NASDAQ", "-o", "\(dir)/goog.bars", "--data-dir", "\(dir)/a"])
        try run(["data", "import", "\(dir)/goog.csv", "--labels", "close", "--instrument", "GOOG.NASDAQ", "--data-dir", "\(dir)/b"])
        try run(["data", "import", "\(dir)/goog.bars", "--format", "bars", "--instrument", "GOOG.NASDAQ", "--data-dir", "\(dir)/c"])
        let all = try show(["GOOG.NASDAQ", "--limit", "0", "--data-dir", "\(dir)/a"])
        #expect(all.hasSuffix("2148 bar(s) of GOOG.NASDAQ-1-DAY-LAST\n"))
        #expect(try show(["GOOG.NASDAQ", "--limit", "0", "--data-dir", "\(dir)/b"]) == all)
        #expect(try show(["GOOG.NASDAQ", "--limit", "0", "--data-dir", "\(dir)/c"]) == all)
        // A second import of the same bars is refused (nothing duplicated).
        #expect(throws: (any Error).self) {
            try run(["data", "import", Self.goog, "--instrument", "GOOG.NASDAQ", "--data-dir", "\(dir)/a"])
        }
    }

    @Test func badOptionsAreUsageErrors() {
        #expect(throws: (any Error).self) { try Bourse.parseAsRoot(["data", "import", "x.csv", "--instrument", "X.Y", "--format", "excel"]) }
        #expect(throws: (any Error).self) { try Bourse.parseAsRoot(["data", "show", "X.Y", "--from", "yesterday"]) }
        #expect(throws: (any Error).self) { try Bourse.parseAsRoot(["data", "export", "X.Y"]) }  // no --output
    }
}
