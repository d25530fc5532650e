public import BourseCore
import Glibc

/// A bar file opened by memory mapping: the columns are read in place, with no copy
/// and no parsing (layout in ``BarFileHeader``).
///
/// Opening checks the magic, version, the header's own checksum, that the row count
/// matches the file size, and (unless `verify` is false) the XXH64 of the columns, so a
/// truncated or damaged file is a ``BarFileError``, never garbage bars.
///
/// ```swift
/// let file = try BarFile(path: "GOOG.NASDAQ-1-DAY-LAST.bars")
/// let closes = file.closes          // UnsafeBufferPointer<Int64>, zero-copy
/// file[0].close                     // a Bar
/// ```
public final class BarFile: @unchecked Sendable {
    // Sendable: the mapping is read-only and never changes after init.
    public let barType: BarType
    public let pricePrecision: UInt8
    public let sizePrecision: UInt8
    public let count: Int
    private let mapping: UnsafeMutableRawPointer?
    private let mappedLength: Int
    private let dataOffset: Int

    /// Maps and checks the file at `path`.
    public init(path: String, verify: Bool = true) throws(BarFileError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
        let size = Int(info.st_size)
        guard size >= BarFileHeader.fixedLength else { throw .notABarFile(path: path) }
        // Verifying reads every page: map them all up front (one kernel call with read-ahead)
        // rather than taking a page fault every few pages during the hash.
        #if os(Linux)
            let flags = verify ? MAP_PRIVATE | MAP_POPULATE : MAP_PRIVATE
        #else
            let flags = MAP_PRIVATE
        #endif
        let address = mmap(nil, size, PROT_READ, flags, fd, 0)
        guard let address, address != MAP_FAILED else { throw .io(path: path, reason: String(cString: strerror(errno))) }
        let header: BarFileHeader
        do throws(BarFileError) {
            header = try BarFileHeader.decode(address, fileSize: size, path: path)
            if verify {
                let columnBytes = header.rowCount * 8
                let hashes = (0..<BarFileHeader.columnCount).map { k in
                    XXHash64.hash(address + header.length + k * columnBytes, count: columnBytes)
                }
                let actual = BarFileHeader.checksum(columnHashes: hashes)
                guard actual == header.checksum else {
                    throw .checksumMismatch(path: path, expected: header.checksum, actual: actual)
                }
            }
        } catch {
            munmap(address, size)
            throw error
        }
        barType = header.barType
        pricePrecision = header.pricePrecision
        sizePrecision = header.sizePrecision
        count = header.rowCount
        mapping = address
        mappedLength = size
        dataOffset = header.length
    }

    deinit {
        if let mapping { munmap(mapping, mappedLength) }
    }

    /// Column `k` (0 timestamps … 5 volumes), in place.
    @inline(__always)
    private func column(_ k: Int) -> UnsafeBufferPointer<Int64> {
        guard let mapping, count > 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
        let start = (mapping + dataOffset + k * count * 8).assumingMemoryBound(to: Int64.self)
        return UnsafeBufferPointer(start: start, count: count)
    }

    /// Close times (`tsEvent`), Unix nanoseconds. Valid while this object lives.
    public var timestamps: UnsafeBufferPointer<Int64> { column(0) }
    public var opens: UnsafeBufferPointer<Int64> { column(1) }
    public var highs: UnsafeBufferPointer<Int64> { column(2) }
    public var lows: UnsafeBufferPointer<Int64> { column(3) }
    public var closes: UnsafeBufferPointer<Int64> { column(4) }
    public var volumes: UnsafeBufferPointer<Int64> { column(5) }

    /// Row `index` as a bar.
    public subscript(index: Int) -> Bar {
        let t = timestamps[index]
        return Bar(
            unchecked: barType,
            open: Price(uncheckedRaw: opens[index], precision: pricePrecision),
            high: Price(uncheckedRaw: highs[index], precision: pricePrecision),
            low: Price(uncheckedRaw: lows[index], precision: pricePrecision),
            close: Price(uncheckedRaw: closes[index], precision: pricePrecision),
            volume: Quantity(uncheckedRaw: volumes[index], precision: sizePrecision),
            tsEvent: UnixNanos(t), tsInit: UnixNanos(t))
    }

    /// A copy of the whole file as an in-memory series.
    public func series() -> BarSeries {
        var out = BarSeries(barType: barType, pricePrecision: pricePrecision, sizePrecision: sizePrecision)
        out.timestamps = Array(timestamps)
        out.opens = Array(opens)
        out.highs = Array(highs)
        out.lows = Array(lows)
        out.closes = Array(closes)
        out.volumes = Array(volumes)
        return out
    }
}
