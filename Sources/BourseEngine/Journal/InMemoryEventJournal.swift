public import BourseCore

/// A journal kept in memory, encoded as the durable stores encode it (so replaying it
/// exercises the codec): for tests and for backtests that want an inspectable journal.
public final class InMemoryEventJournal: EventJournal {
    /// The encoded records, in order.
    public private(set) var encoded: [[UInt8]] = []
    private var writer = ByteWriter()

    public init() {}

    public var lastSequence: UInt64 { UInt64(encoded.count) }

    @discardableResult
    public func append(_ entry: JournalEntry, timestamp: UnixNanos, correlationID: String) throws(JournalError) -> JournalRecord {
        let record = JournalRecord(sequence: lastSequence + 1, timestamp: timestamp, correlationID: correlationID, entry: entry)
        writer.reset()
        JournalCodec.encode(record, into: &writer)
        encoded.append(writer.bytes)
        return record
    }

    public func sync() throws(JournalError) {}

    public func forEach(after sequence: UInt64, _ body: (JournalRecord) throws(JournalError) -> Void) throws(JournalError) {
        var reader = ByteReader()
        var index = Int(clamping: sequence)
        while index < encoded.count {
            try body(try record(at: index, &reader))
            index += 1
        }
    }

    public func forEachReversed(before sequence: UInt64, _ body: (JournalRecord) throws(JournalError) -> Bool) throws(JournalError) {
        var reader = ByteReader()
        // Record n is at index n − 1.
        var index = min(Int(clamping: sequence), encoded.count + 1) - 2
        while index >= 0, try body(try record(at: index, &reader)) { index -= 1 }
    }

    /// The record at `index` (sequence `index + 1`), decoded with `reader`.
    private func record(at index: Int, _ reader: inout ByteReader) throws(JournalError) -> JournalRecord {
        let result = encoded[index].withUnsafeBytes { bytes in
            Result { () throws(JournalCodecError) in try reader.readRecord(bytes) }
        }
        do { return try result.get() } catch { throw .codec(sequence: UInt64(index + 1), error) }
    }
}
