/// Writes a ``BarSeries`` as a bar file (layout in ``BarFileHeader``) through a
/// ``BarFileOutput``: written under a temporary name, synced and renamed into place, so
/// readers never see half a file. (``BarCSVImporter/importBarFile(path:to:layout:options:)``
/// writes a CSV file's bars without an in-memory series at all.)
public enum BarFileWriter {
    /// Writes `series` to `path`, replacing any file there.
    ///
    /// - Complexity: O(rows).
    public static func write(_ series: BarSeries, to path: String) throws(BarFileError) {
        var output = try BarFileOutput(
            path: path, barType: series.barType, pricePrecision: series.pricePrecision,
            sizePrecision: series.sizePrecision, capacity: series.count)
        for i in 0..<series.count {
            output.append(
                timestamp: series.timestamps[i], open: series.opens[i], high: series.highs[i], low: series.lows[i],
                close: series.closes[i], volume: series.volumes[i])
        }
        try output.commit()
    }
}
