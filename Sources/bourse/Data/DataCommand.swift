import ArgumentParser
import BourseCore
import BourseData
import BourseSQLite
import Foundation

/// `bourse data …`: thin commands over BourseData and BourseSQLite.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data", abstract: "Import, validate, list, show and export market data.",
        subcommands: [Import.self, Validate.self, List.self, Show.self, Export.self])

    /// Options shared by the commands that read bar files.
    struct FileOptions: ParsableArguments {
        @Argument(help: "The file to read (several Alpaca page files, in page order).") var files: [String]
        @Option(help: "Instrument id, e.g. GOOG.NASDAQ.") var instrument: String
        @Option(help: "Bar spec, e.g. 1-MINUTE-LAST.") var spec: String = "1-DAY-LAST"
        @Option(help: "File format: \(BarImportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        var format: String = BarImportFormat.generic.rawValue
        @Option(help: "Whether timestamps label bar open or close times (open|close; default: the format's, else open).")
        var labels: String?
        @Option(help: "The instrument's tick size, e.g. 0.01: prices must be multiples of it.") var tickSize: String?
        @Flag(help: "Repair bad rows instead of stopping at the first errors.") var repair = false
        @Flag(help: "Yahoo: adjust open, high, low and close by the adjusted close.") var adjust = false

        func validate() throws {
            guard BarImportFormat(rawValue: format) != nil else {
                throw ValidationError("--format must be one of \(BarImportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if let labels, TimestampLabel(rawValue: labels) == nil { throw ValidationError("--labels must be open or close") }
        }

        /// Imports the files; `progress` (if any) hears how far a CSV import got.
        func importBars(progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> BarImport {
            guard let format = BarImportFormat(rawValue: format) else { throw ValidationError("unknown format \(self.format)") }
            let label = labels.flatMap(TimestampLabel.init(rawValue:)) ?? format.labels ?? .open
            var options = BarImportOptions(
                barType: BarType(instrumentID: try InstrumentID(instrument), spec: try BarSpec(spec)), labels: label)
            options.mode = repair ? .repair : .strict
            options.tickSize = try tickSize.map { try Price(parsing: $0) }
            options.progress = progress
            return try format.importBars(paths: files, options: options, adjust: adjust)
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

    /// A failure of a data command the user can act on (printed without the usage text).
    struct DataCommandError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// A stored series and an optional time range (`--from`, `--to`: close times, inclusive).
    struct SeriesOptions: ParsableArguments {
        @Argument(help: "Instrument id, e.g. GOOG.NASDAQ.") var instrument: String
        @Option(help: "Bar spec, e.g. 1-DAY-LAST.") var spec: String = "1-DAY-LAST"
        @Option(help: "First bar close time (a date or ISO-8601 date-time, UTC).") var from: String?
        @Option(help: "Last bar close time (a date or ISO-8601 date-time, UTC).") var to: String?

        func validate() throws {
            for (name, text) in [("--from", from), ("--to", to)] {
                if let text, UnixNanos(parsing: text) == nil { throw ValidationError("\(name) '\(text)' is not a date or date-time") }
            }
        }

        var barType: BarType {
            get throws { BarType(instrumentID: try InstrumentID(instrument), spec: try BarSpec(spec)) }
        }

        /// The stored bars in the range; an error naming the series when none is stored.
        func bars(in store: SQLiteMarketDataStore) throws -> BarSeries {
            let lower = from.flatMap { UnixNanos(parsing: $0) } ?? UnixNanos(Int64.min)
            let upper = to.flatMap { UnixNanos(parsing: $0) } ?? UnixNanos(Int64.max)
            guard lower <= upper else { throw ValidationError("--from is after --to") }
            let barType = try barType
            guard let series = try store.bars(barType, in: lower...upper) else {
                throw DataCommandError("no stored series \(barType) (see `bourse data list`)")
            }
            return series
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import a bar file into the store (all or nothing).")
        @OptionGroup var file: FileOptions
        @OptionGroup var store: StoreOptions
        @Flag(help: "Merge with overlapping stored bars instead of refusing.") var merge = false

        func run() throws {
            let bar = ProgressBar(label: "importing")
            var progress: (@Sendable (Int, Int) -> Void)?
            if let bar { progress = { done, total in bar.update(done: done, total: total) } }
            let result = try file.importBars(progress: progress)
            bar?.finish()
            let written = try store.store().importBars(result.series, policy: merge ? .merge : .refuse)
            print("imported \(written) bars of \(result.series.barType) (\(result.report.repairs.count) repairs, \(result.report.warnings.count) warnings)")
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check a bar file and report; stores nothing.")
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
