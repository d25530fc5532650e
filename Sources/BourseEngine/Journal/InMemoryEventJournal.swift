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
        var index = Int(clamping: sequence)
        while index < encoded.count {
            let record: JournalRecord
            do { record = try JournalCodec.decode(encoded[index]) } catch { throw .codec(sequence: UInt64(index + 1), error) }
            try body(record)
            index += 1
        }
    }
}
