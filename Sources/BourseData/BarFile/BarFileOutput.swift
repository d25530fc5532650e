import BourseCore
import Glibc

/// A bar file written row by row straight into a memory-mapped temporary file (layout in
/// ``BarFileHeader``): no intermediate arrays, no copy through `write`. Space for
/// `capacity` rows is reserved up front (`posix_fallocate`, so a full disk is an error here
/// and never a fault later) with each column at its final offset; the columns are hashed in
/// cache-sized blocks while they are written; ``commit()`` closes the gaps left by fewer
/// rows than `capacity`, writes the header, syncs and renames the file into place.
/// ``discard()`` removes the temporary file: nothing is left behind on error.
///
/// Exactly one of ``commit()`` and ``discard()`` must be called.
struct BarFileOutput: BarRowSink {
    /// Rows hashed per block: 4096 rows × 6 columns × 8 bytes = 192 KiB, still in cache.
    private static let hashBlock = 4096

    var path: String { file.path }
    private let file: BarFileTemporary
    private let barType: BarType
    private let headerLength: Int
    private let capacity: Int
    private let mapping: UnsafeMutableRawPointer
    private let mappedLength: Int
    /// Column 0; column `k` starts `k × capacity` values later.
    private let columns: UnsafeMutablePointer<Int64>
    private(set) var count = 0
    private(set) var pricePrecision: UInt8
    private(set) var sizePrecision: UInt8
    /// XXH64 state of each column's rows `0..<hashed`.
    private var hashes = [XXHash64.State](repeating: XXHash64.State(), count: BarFileHeader.columnCount)
    private var hashed = 0
    /// Set when a row arrived beyond `capacity` (a miscount: reported by ``commit()``).
    private var overflowed = false

    /// Creates `path + ".tmp"` with room for `capacity` rows.
    init(path: String, barType: BarType, pricePrecision: UInt8, sizePrecision: UInt8, capacity: Int) throws(BarFileError) {
        self.barType = barType
        self.pricePrecision = pricePrecision
        self.sizePrecision = sizePrecision
        self.capacity = capacity
        headerLength = BarFileHeader.length(barType: barType)
        let (bytes, overflow) = capacity.multipliedReportingOverflow(by: 8 * BarFileHeader.columnCount)
        guard !overflow, bytes <= Int.max - headerLength else { throw .io(path: path, reason: "\(capacity) rows do not fit a file") }
        mappedLength = headerLength + bytes
        let file = try BarFileTemporary(path: path)
        self.file = file
        let reserved = posix_fallocate(file.fd, 0, off_t(mappedLength))
        guard reserved == 0 else {
            file.discard()
            throw .io(path: path, reason: String(cString: strerror(reserved)))
        }
        let address = mmap(nil, mappedLength, PROT_READ | PROT_WRITE, MAP_SHARED, file.fd, 0)
        guard let address, address != MAP_FAILED else { throw file.fail() }
        mapping = address
        columns = (address + headerLength).bindMemory(to: Int64.self, capacity: BarFileHeader.columnCount * capacity)
        #if os(Linux)
            // Map every page writable in one call rather than one fault per page (a hint: ignored on failure).
            _ = madvise(address, mappedLength, 23 /* MADV_POPULATE_WRITE */)
        #endif
    }

    @inline(__always)
    mutating func append(timestamp: Int64, open: Int64, high: Int64, low: Int64, close: Int64, volume: Int64) {
        guard count < capacity else {
            overflowed = true
            return
        }
        let n = capacity
        let row = columns + count
        row[0] = timestamp
        row[n] = open
        row[2 &* n] = high
        row[3 &* n] = low
        row[4 &* n] = close
        row[5 &* n] = volume
        count &+= 1
        if count &- hashed == Self.hashBlock { hashPending() }
    }

    /// Hashes the rows written since the last block, while they are still in cache.
    private mutating func hashPending() {
        let rows = count - hashed
        for k in 0..<BarFileHeader.columnCount {
            hashes[k].update(columns + k * capacity + hashed, count: rows * 8)
        }
        hashed = count
    }

    mutating func raisePricePrecision(to p: UInt8) -> Bool {
        guard p > pricePrecision else { return true }
        guard scale(columns: 1...4, by: DecimalText.pow10(Int(p - pricePrecision))) else { return false }
        pricePrecision = p
        return true
    }

    mutating func raiseSizePrecision(to p: UInt8) -> Bool {
        guard p > sizePrecision else { return true }
        guard scale(columns: 5...5, by: DecimalText.pow10(Int(p - sizePrecision))) else { return false }
        sizePrecision = p
        return true
    }

    /// Multiplies the written values of `columns` by `factor` in place and hashes them anew;
    /// all or nothing (`false`, and nothing changed, when a value would overflow).
    private mutating func scale(columns range: ClosedRange<Int>, by factor: Int64) -> Bool {
        func column(_ k: Int) -> UnsafeMutableBufferPointer<Int64> { UnsafeMutableBufferPointer(start: columns + k * capacity, count: count) }
        guard range.allSatisfy({ DecimalText.fitsScaling(UnsafeBufferPointer(column($0)), by: factor) }) else { return false }
        for k in range {
            DecimalText.scale(column(k), by: factor)
            hashes[k] = XXHash64.State()
            hashes[k].update(columns + k * capacity, count: hashed * 8)
        }
        return true
    }

    /// Finishes the file: hashes the last rows, moves the columns together when fewer than
    /// `capacity` rows came, writes the header, syncs, and renames it to `path`.
    /// Removes the temporary file on failure.
    consuming func commit() throws(BarFileError) {
        guard !overflowed else {
            let error = BarFileError.io(path: path, reason: "more rows than the \(capacity) counted (internal error)")
            discard()
            throw error
        }
        hashPending()
        for k in 1..<BarFileHeader.columnCount where count < capacity {
            memmove(columns + k * count, columns + k * capacity, count * 8)  // overlapping: memmove
        }
        let checksum = BarFileHeader.checksum(columnHashes: hashes.map(\.digest))
        let header = BarFileHeader(
            barType: barType, pricePrecision: pricePrecision, sizePrecision: sizePrecision, rowCount: count,
            checksum: checksum, firstTimestamp: count > 0 ? columns[0] : 0, lastTimestamp: count > 0 ? columns[count - 1] : 0)
        let encoded = header.encoded()
        encoded.withUnsafeBytes { mapping.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        munmap(mapping, mappedLength)
        let length = off_t(headerLength + count * 8 * BarFileHeader.columnCount)
        guard ftruncate(file.fd, length) == 0 else { throw file.fail() }
        try file.commit()
    }

    /// Removes the temporary file; nothing is written to `path`.
    consuming func discard() {
        munmap(mapping, mappedLength)
        file.discard()
    }
}
