import ArgumentParser
import BourseCore
import BourseData

extension DataCommand {
    /// `bourse data show INSTRUMENT [--spec] [--from] [--to] [--limit]`: stored bars as a table.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the stored bars of a series as a table.")
        @OptionGroup var series: SeriesOptions
        @OptionGroup var store: StoreOptions
        @Option(help: "Print at most this many bars (the first ones); 0 for all.") var limit: Int = 50

        func validate() throws {
            guard limit >= 0 else { throw ValidationError("--limit must not be negative") }
        }

        func run() throws { print(try output(), terminator: "") }

        /// The table, one line per bar, then a count line.
        func output() throws -> String {
            let bars = try series.bars(in: store.store())
            let shown = limit == 0 ? bars.count : min(limit, bars.count)
            var rows = [["close time (UTC)", "open", "high", "low", "close", "volume"]]
            for i in 0..<shown {
                let bar = bars[i]
                rows.append([
                    CivilDateTime(bar.tsEvent).iso8601, bar.open.description, bar.high.description, bar.low.description,
                    bar.close.description, bar.volume.description,
                ])
            }
            let widths = (0..<6).map { k in rows.map { $0[k].count }.max() ?? 0 }
            var text = ""
            for row in rows {
                let cells = row.enumerated().map { k, cell in
                    let pad = String(repeating: " ", count: widths[k] - cell.count)
                    return k == 0 ? cell + pad : pad + cell  // times left-aligned, numbers right-aligned
                }
                text += cells.joined(separator: "  ") + "\n"
            }
            text += "\(bars.count) bar(s) of \(bars.barType)\(shown < bars.count ? ", first \(shown) shown (--limit 0 for all)" : "")\n"
            return text
        }
    }
}
