import BourseCore

/// The bar file layout (version 1), all integers little-endian:
///
/// | offset | size | field |
/// | --- | --- | --- |
/// | 0 | 8 | magic `BOURSEBF` |
/// | 8 | 2 | format version (1) |
/// | 10 | 1 | price precision |
/// | 11 | 1 | size precision |
/// | 12 | 4 | header length in bytes (64 + bar type text, padded to 8) |
/// | 16 | 8 | row count |
/// | 24 | 8 | XXH64 of the column bytes |
/// | 32 | 4 | bar type text length |
/// | 36 | 4 | zero |
/// | 40 | 8 | first timestamp |
/// | 48 | 8 | last timestamp |
/// | 56 | 8 | XXH64 of bytes 0..<56 (the header's own check) |
/// | 64 | n | bar type, UTF-8 (`GOOG.NASDAQ-1-DAY-LAST`), zero padded to 8 |
///
/// Then six columns of `rowCount` `Int64` each: close timestamps (ns), open, high, low,
/// close (raw at the price precision), volume (raw at the size precision).
struct BarFileHeader: Equatable {
    static let magic: [UInt8] = Array("BOURSEBF".utf8)
    static let version: UInt16 = 1
    static let fixedLength = 64
    static let columnCount = 6

    var barType: BarType
    var pricePrecision: UInt8
    var sizePrecision: UInt8
    var rowCount: Int
    var checksum: UInt64
    var firstTimestamp: Int64
    var lastTimestamp: Int64

    /// Header length including the padded bar type text.
    var length: Int { Self.length(barType: barType) }
    var barTypeText: String { barType.description }

    /// The header length of a file of `barType` bars.
    static func length(barType: BarType) -> Int { fixedLength + (barType.description.utf8.count + 7) / 8 * 8 }

    /// The file checksum from the XXH64 of each column: `XXH64(h0 ‖ h1 ‖ … ‖ h5)`, the
    /// hashes as little-endian `UInt64`s.
    static func checksum(columnHashes: [UInt64]) -> UInt64 {
        columnHashes.map(\.littleEndian).withUnsafeBytes { XXHash64.hash($0.baseAddress!, count: $0.count) }
    }

    func encoded() -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: length)
        func put<T: FixedWidthInteger>(_ value: T, _ offset: Int) {
            withUnsafeBytes(of: value.littleEndian) { raw in
                for (k, b) in raw.enumerated() { bytes[offset + k] = b }
            }
        }
        for (k, b) in Self.magic.enumerated() { bytes[k] = b }
        put(Self.version, 8)
        bytes[10] = pricePrecision
        bytes[11] = sizePrecision
        put(UInt32(length), 12)
        put(UInt64(rowCount), 16)
        put(checksum, 24)
        put(UInt32(barTypeText.utf8.count), 32)
        put(firstTimestamp, 40)
        put(lastTimestamp, 48)
        let selfCheck = bytes.withUnsafeBytes { XXHash64.hash($0.baseAddress!, count: 56) }
        put(selfCheck, 56)
        for (k, b) in barTypeText.utf8.enumerated() { bytes[Self.fixedLength + k] = b }
        return bytes
    }

    /// Decodes and checks a header from the start of a mapped file of `fileSize` bytes.
    static func decode(_ p: UnsafeRawPointer, fileSize: Int, path: String) throws(BarFileError) -> BarFileHeader {
        guard fileSize >= fixedLength else { throw .notABarFile(path: path) }
        for k in 0..<magic.count where p.load(fromByteOffset: k, as: UInt8.self) != magic[k] {
            throw .notABarFile(path: path)
        }
        func get<T: FixedWidthInteger>(_ offset: Int, _: T.Type) -> T { T(littleEndian: p.loadUnaligned(fromByteOffset: offset, as: T.self)) }
        let version = get(8, UInt16.self)
        guard version == Self.version else { throw .unsupportedVersion(path: path, version: version) }
        guard get(56, UInt64.self) == XXHash64.hash(p, count: 56) else {
            throw .corruptHeader(path: path, reason: "the header's own checksum does not match")
        }
        let pricePrecision = p.load(fromByteOffset: 10, as: UInt8.self)
        let sizePrecision = p.load(fromByteOffset: 11, as: UInt8.self)
        guard pricePrecision <= FixedPoint.maxPrecision, sizePrecision <= FixedPoint.maxPrecision else {
            throw .corruptHeader(path: path, reason: "precision \(pricePrecision)/\(sizePrecision) out of range")
        }
        let length = Int(get(12, UInt32.self))
        let textLength = Int(get(32, UInt32.self))
        guard length == fixedLength + (textLength + 7) / 8 * 8, length <= fileSize else {
            throw .corruptHeader(path: path, reason: "header length \(length) does not fit a \(fileSize)-byte file")
        }
        let rows = get(16, UInt64.self)
        let dataBytes = UInt64(fileSize - length)
        guard rows <= dataBytes / UInt64(8 * columnCount), rows * UInt64(8 * columnCount) == dataBytes else {
            let claimed = rows.multipliedReportingOverflow(by: UInt64(8 * columnCount))
            throw .corruptHeader(
                path: path,
                reason: "header claims \(rows) rows (\(claimed.overflow ? "more than 2^64" : "\(claimed.partialValue)") bytes) but the file holds \(dataBytes) bytes of columns")
        }
        let text = String(decoding: UnsafeRawBufferPointer(start: p + fixedLength, count: textLength), as: UTF8.self)
        let parts = text.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, let id = try? InstrumentID(String(parts[0])), let spec = try? BarSpec(String(parts[1])) else {
            throw .corruptHeader(path: path, reason: "bad bar type '\(text)'")
        }
        return BarFileHeader(
            barType: BarType(instrumentID: id, spec: spec), pricePrecision: pricePrecision, sizePrecision: sizePrecision,
            rowCount: Int(rows), checksum: get(24, UInt64.self), firstTimestamp: get(40, Int64.self), lastTimestamp: get(48, Int64.self))
    }
}
