import ArgumentParser
import BourseCore
import BourseData
import BourseSQLite
import Foundation

/// `bourse data …`: thin commands over BourseData and BourseSQLite.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data", abstract: "Import, validate and list market data.",
        subcommands: [Import.self, Validate.self, List.self])

    /// Options shared by the commands that read a bar file.
    struct FileOptions: ParsableArguments {
        @Argument(help: "The CSV file.") var file: String
        @Option(help: "Instrument id, e.g. GOOG.NASDAQ.") var instrument: String
        @Option(help: "Bar spec, e.g. 1-MINUTE-LAST.") var spec: String = "1-DAY-LAST"
        @Option(help: "Whether timestamps label bar open or close times (open|close).") var labels: String = "open"
        @Flag(help: "Repair bad rows instead of stopping at the first errors.") var repair = false

        func importBars() throws -> BarImport {
            guard let label = TimestampLabel(rawValue: labels) else { throw ValidationError("--labels must be open or close") }
            var options = BarImportOptions(barType: BarType(instrumentID: try InstrumentID(instrument), spec: try BarSpec(spec)), labels: label)
            options.mode = repair ? .repair : .strict
            return try BarCSVImporter.importBars(path: file, options: options)
        }
    }

    /// The data directory: `--data-dir`, else `$BOURSE_HOME`, else `./.bourse`.
    struct StoreOptions: ParsableArguments {
        @Option(help: "Data directory (default $BOURSE_HOME or ./.bourse).") var dataDir: String?

        func store() throws -> SQLiteMarketDataStore {
            let path = dataDir ?? ProcessInfo.processInfo.environment["BOURSE_HOME"] ?? ".bourse"
            return try SQLiteMarketDataStore(directory: URL(fileURLWithPath: path))
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import a bar CSV file into the store (all or nothing).")
        @OptionGroup var file: FileOptions
        @OptionGroup var store: StoreOptions
        @Flag(help: "Merge with overlapping stored bars instead of refusing.") var merge = false

        func run() throws {
            let result = try file.importBars()
            let written = try store.store().importBars(result.series, policy: merge ? .merge : .refuse)
            print("imported \(written) bars of \(result.series.barType) (\(result.report.repairs.count) repairs, \(result.report.warnings.count) warnings)")
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check a bar CSV file and report; stores nothing.")
        @OptionGroup var file: FileOptions

        func run() throws {
            let result = try file.importBars()
            print("\(result.report.rowsKept) of \(result.report.rowsRead) rows valid")
            for repair in result.report.repairs.prefix(20) { print("repair: \(repair)") }
            for warning in result.report.warnings.prefix(20) { print("warning: \(warning)") }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the stored bar series.")
        @OptionGroup var store: StoreOptions

        func run() throws {
            for s in try store.store().series() {
                let range = [s.first, s.last].compactMap { $0.map { CivilDateTime($0).iso8601 } }.joined(separator: " … ")
                print("\(s.barType)\t\(s.count) bars\t\(range)")
            }
        }
    }
}
