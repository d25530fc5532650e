import BourseCore
import Glibc

/// Writes a ``BarSeries`` as a bar file (layout in ``BarFileHeader``): the header, then
/// the six columns as they sit in memory. The file is written under a temporary name
/// and renamed into place, so readers never see half a file.
public enum BarFileWriter {
    /// Writes `series` to `path`, replacing any file there.
    ///
    /// - Complexity: O(rows): one checksum pass and one write per column.
    public static func write(_ series: BarSeries, to path: String) throws(BarFileError) {
        let columns = [series.timestamps, series.opens, series.highs, series.lows, series.closes, series.volumes]
        var state = XXHash64Stream()
        for column in columns { column.withUnsafeBytes { state.update($0) } }
        let header = BarFileHeader(
            barType: series.barType, pricePrecision: series.pricePrecision, sizePrecision: series.sizePrecision,
            rowCount: series.count, checksum: state.digest, firstTimestamp: series.timestamps.first ?? 0,
            lastTimestamp: series.timestamps.last ?? 0)
        let temporary = path + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
        var failure: BarFileError?
        func put(_ raw: UnsafeRawBufferPointer) {
            var offset = 0
            while failure == nil && offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { failure = .io(path: path, reason: String(cString: strerror(errno))) } else { offset += n }
            }
        }
        header.encoded().withUnsafeBytes { put($0) }
        for column in columns where failure == nil { column.withUnsafeBytes { put($0) } }
        if failure == nil && fsync(fd) != 0 { failure = .io(path: path, reason: String(cString: strerror(errno))) }
        close(fd)
        if failure == nil && rename(temporary, path) != 0 { failure = .io(path: path, reason: String(cString: strerror(errno))) }
        if let failure {
            unlink(temporary)
            throw failure
        }
    }
}

/// The checksum of the concatenated columns. The columns are hashed as one byte
/// stream; as XXH64 is not incremental here, the writer hashes the stream's per-column
/// hashes: `digest = XXH64(h0 ‖ h1 ‖ … ‖ h5)`, each `hk` the XXH64 of column k.
struct XXHash64Stream {
    private var hashes: [UInt64] = []

    mutating func update(_ raw: UnsafeRawBufferPointer) {
        hashes.append(raw.isEmpty ? XXHash64.hash(UnsafeRawPointer(bitPattern: 8)!, count: 0) : XXHash64.hash(raw.baseAddress!, count: raw.count))
    }

    var digest: UInt64 {
        hashes.withUnsafeBytes { XXHash64.hash($0.baseAddress!, count: $0.count) }
    }
}
