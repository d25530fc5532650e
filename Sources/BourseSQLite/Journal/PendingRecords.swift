import BourseCore
import BourseEngine
import Crypto

/// Records appended but not committed yet (group commit), kept in one flat byte buffer: for each
/// record, the previous record's hash, its encoded bytes (encoded in place), its own hash and its
/// indexed texts. The previous hash and the bytes are adjacent, so the chain's hash is one
/// SHA-256 pass over them. Once the buffer has grown, appending a record allocates nothing.
struct PendingRecords {
    /// One record's columns; byte ranges point into ``bytes``.
    struct Row {
        let sequence: Int64
        let timestamp: Int64
        let kind: UInt8
        let payload: Range<Int>
        let previousHash: Range<Int>
        let hash: Range<Int>
        let clientOrderID: Range<Int>?
        let correlationID: Range<Int>
    }

    private(set) var rows: [Row] = []
    private var buffer = ByteWriter(capacity: 1 << 16)

    var isEmpty: Bool { rows.isEmpty }
    var bytes: [UInt8] { buffer.bytes }

    /// Encodes `record` chained to `previousHash`; returns the range of its own hash in ``bytes``.
    @discardableResult
    mutating func append(_ record: JournalRecord, previousHash: [UInt8]) -> Range<Int> {
        let previousStart = buffer.bytes.count
        buffer.append(raw: previousHash)
        let payloadStart = buffer.bytes.count
        JournalCodec.encode(record, into: &buffer)
        let hashStart = buffer.bytes.count
        let digest = buffer.bytes.withUnsafeBytes { bytes in
            SHA256.hash(data: UnsafeRawBufferPointer(rebasing: bytes[previousStart..<hashStart]))
        }
        digest.withUnsafeBytes { buffer.append(raw: $0) }
        let hashRange = hashStart..<buffer.bytes.count
        let orderRange = record.entry.clientOrderID.map { append($0.value.utf8) }
        rows.append(Row(
            sequence: Int64(record.sequence), timestamp: record.timestamp.rawValue, kind: record.entry.kind.rawValue,
            payload: payloadStart..<hashStart, previousHash: previousStart..<payloadStart, hash: hashRange,
            clientOrderID: orderRange, correlationID: append(record.correlationID.utf8)))
        return hashRange
    }

    mutating func removeAll() {
        rows.removeAll(keepingCapacity: true)
        buffer.reset()
    }

    private mutating func append(_ part: some Collection<UInt8>) -> Range<Int> {
        let start = buffer.bytes.count
        buffer.append(raw: part)
        return start..<buffer.bytes.count
    }
}
