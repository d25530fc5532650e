public import BourseCore

/// One record of the event journal: an entry with its place (sequence number), its time and
/// the correlation id that ties an order to its events and to the signal that caused it.
public struct JournalRecord: Sendable, Hashable {
    /// 1, 2, 3, … with no gap: the order in which things happened.
    public let sequence: UInt64
    /// When it happened (the session clock's time, not the wall clock's).
    public let timestamp: UnixNanos
    /// The signal (`SIG-…`) or operator action the record stems from; empty when none.
    public let correlationID: String
    public let entry: JournalEntry

    public init(sequence: UInt64, timestamp: UnixNanos, correlationID: String, entry: JournalEntry) {
        self.sequence = sequence
        self.timestamp = timestamp
        self.correlationID = correlationID
        self.entry = entry
    }
}
