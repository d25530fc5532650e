import Glibc

/// Writes a ``BarSeries`` as a bar file (layout in ``BarFileHeader``): written under a
/// temporary name, synced and renamed into place, so readers never see half a file.
/// (``BarCSVImporter/importBarFile(path:to:layout:options:)`` writes a CSV file's bars without
/// an in-memory series at all, through ``BarFileOutput``.)
public enum BarFileWriter {
    /// Writes `series` to `path`, replacing any file there: the header, then each column
    /// straight from the series' storage (`pwrite`, no mapping and no intermediate copy).
    ///
    /// - Complexity: O(rows).
    public static func write(_ series: BarSeries, to path: String) throws(BarFileError) {
        let columns = [series.timestamps, series.opens, series.highs, series.lows, series.closes, series.volumes]
        let hashes = columns.map { column in
            column.withUnsafeBytes { bytes in
                var state = XXHash64.State()
                if let base = bytes.baseAddress { state.update(base, count: bytes.count) }
                return state.digest
            }
        }
        let count = series.count
        let header = BarFileHeader(
            barType: series.barType, pricePrecision: series.pricePrecision, sizePrecision: series.sizePrecision,
            rowCount: count, checksum: BarFileHeader.checksum(columnHashes: hashes),
            firstTimestamp: series.timestamps.first ?? 0, lastTimestamp: series.timestamps.last ?? 0)
        let file = try BarFileTemporary(path: path)
        var offset = 0
        let written = header.encoded().withUnsafeBytes { write($0, to: file.fd, at: &offset) }
            && columns.allSatisfy { column in column.withUnsafeBytes { write($0, to: file.fd, at: &offset) } }
        guard written else { throw file.fail() }
        try file.commit()
    }

    /// Writes all of `bytes` at `offset` (advanced past them), retrying short writes and
    /// interruptions; `false` on an error (`errno` set).
    private static func write(_ bytes: UnsafeRawBufferPointer, to fd: Int32, at offset: inout Int) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            done += n
        }
        offset += done
        return true
    }
}
