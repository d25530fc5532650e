import BourseCore
import Foundation

/// Paths of the committed fixtures (`Tests/Fixtures/`), found from this file's location.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func data(_ name: String) -> String { root.appendingPathComponent("data/\(name)").path }
    static func malformed(_ name: String) -> String { root.appendingPathComponent("malformed/\(name)").path }
    static func json(_ name: String) -> String { root.appendingPathComponent("json/\(name)").path }

    static func barType(_ instrument: String, _ spec: String) -> BarType {
        // Fixture identifiers and specs are constants known to be valid.
        BarType(instrumentID: try! InstrumentID(instrument), spec: try! BarSpec(spec))
    }

    /// The data lines of a CSV file split into fields by plain `String` operations —
    /// an independent reading to compare the byte-level importer against.
    static func rows(_ path: String, skipping header: Int = 1) throws -> [[Substring]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").dropFirst(header).map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    }
}
