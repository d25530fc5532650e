import BourseCore

/// Writes a bar series as CSV: `timestamp,open,high,low,close,volume`, the timestamp
/// being the bar's close time (`tsEvent`) in ISO-8601 UTC, values with exactly the
/// series' decimals. Importing the output with `labels: .close` gives the same series.
public enum BarCSVExporter {
    /// The CSV text of `series` (header included).
    ///
    /// - Complexity: O(rows).
    public static func csv(_ series: BarSeries) -> String {
        var out = "timestamp,open,high,low,close,volume\n"
        out.reserveCapacity(series.count * 64)
        let p = series.pricePrecision
        for i in 0..<series.count {
            out += CivilDateTime(UnixNanos(series.timestamps[i])).iso8601
            for raw in [series.opens[i], series.highs[i], series.lows[i], series.closes[i]] {
                out += ","
                out += Price(uncheckedRaw: raw, precision: p).description
            }
            out += ","
            out += Quantity(uncheckedRaw: series.volumes[i], precision: series.sizePrecision).description
            out += "\n"
        }
        return out
    }
}
