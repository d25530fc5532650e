import ArgumentParser
import BourseCore
import BourseData
import Foundation

extension DataCommand {
    /// `bourse data export INSTRUMENT --output FILE [--format csv|bars]`: a stored series to a file
    /// that imports back to the same values (CSV with `--labels close`, or a bar file).
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a stored series as CSV (close-time labels) or as a bar file.",
            discussion: "CSV re-imports with `bourse data import FILE --labels close`; bar files are read by backtests.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case csv, bars
        }

        @OptionGroup var series: SeriesOptions
        @OptionGroup var store: StoreOptions
        @Option(name: .shortAndLong, help: "The file to write.") var output: String
        @Option(help: "csv or bars (default: bars for a .bars file, else csv).") var format: Format?

        func run() throws {
            let bars = try series.bars(in: store.store())
            switch format ?? (output.hasSuffix(".bars") ? .bars : .csv) {
            case .csv: try Data(BarCSVExporter.csv(bars).utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            case .bars: try BarFileWriter.write(bars, to: output)
            }
            print("exported \(bars.count) bars of \(bars.barType) to \(output)")
        }
    }
}
