public import BourseCore

/// A saved ``JournalState`` as of one journal record, so a restart replays only the records after it.
public struct Snapshot: Sendable, Hashable {
    /// The last journal record the state includes.
    public let sequence: UInt64
    public let timestamp: UnixNanos
    /// The state, encoded by ``JournalState/encoded()``.
    public let bytes: [UInt8]
    /// What the session that took the snapshot needs to resume at it, in its own format (a
    /// ``PaperSession`` keeps its venue, strategy and counters there); empty when nothing.
    public let session: [UInt8]

    public init(sequence: UInt64, timestamp: UnixNanos, bytes: [UInt8], session: [UInt8] = []) {
        self.sequence = sequence
        self.timestamp = timestamp
        self.bytes = bytes
        self.session = session
    }
}
