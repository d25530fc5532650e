/// Records appended but not committed yet (group commit), kept in one flat byte buffer: their
/// encoded payloads, hashes and indexed texts. Once the buffers have grown, appending a record
/// allocates nothing.
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
    private(set) var bytes: [UInt8] = []

    var isEmpty: Bool { rows.isEmpty }

    /// Adds a record: `payload` (its encoded bytes) chained to `previousHash`; returns the
    /// range of its own hash in ``bytes``.
    @discardableResult
    mutating func append(
        sequence: UInt64, timestamp: Int64, kind: UInt8, payload: [UInt8], previousHash: [UInt8], clientOrderID: String?,
        correlationID: String
    ) -> Range<Int> {
        let payloadRange = append(payload)
        let previousRange = append(previousHash)
        let hashStart = bytes.count
        JournalChain.appendHash(previous: previousHash, payload: payload, to: &bytes)
        let hashRange = hashStart..<bytes.count
        let orderRange = clientOrderID.map { append($0.utf8) }
        rows.append(Row(
            sequence: Int64(sequence), timestamp: timestamp, kind: kind, payload: payloadRange, previousHash: previousRange,
            hash: hashRange, clientOrderID: orderRange, correlationID: append(correlationID.utf8)))
        return hashRange
    }

    mutating func removeAll() {
        rows.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func append(_ part: some Collection<UInt8>) -> Range<Int> {
        let start = bytes.count
        bytes.append(contentsOf: part)
        return start..<bytes.count
    }
}
