/// Writes a ``BarSeries`` as a bar file (layout in ``BarFileHeader``) through a
/// ``BarFileOutput``: written under a temporary name, synced and renamed into place, so
/// readers never see half a file. (``BarCSVImporter/importBarFile(path:to:layout:options:)``
/// writes a CSV file's bars without an in-memory series at all.)
public enum BarFileWriter {
    /// Writes `series` to `path`, replacing any file there: each column copied in bulk into the
    /// mapped file.
    ///
    /// - Complexity: O(rows).
    public static func write(_ series: BarSeries, to path: String) throws(BarFileError) {
        var output = try BarFileOutput(
            path: path, barType: series.barType, pricePrecision: series.pricePrecision,
            sizePrecision: series.sizePrecision, capacity: series.count)
        output.append(series)
        try output.commit()
    }
}
