/// What a restart restored (journaled as a recovery audit record).
public struct RecoverySummary: Sendable, Hashable, CustomStringConvertible {
    /// Records in the journal at start.
    public let journaledRecords: UInt64
    /// The snapshot the state was restored from, `nil` when none.
    public let snapshotSequence: UInt64?
    /// Records the crash had lost and the re-run produced again (journaled during recovery).
    public internal(set) var emittedAfterJournalEnd = 0
    /// Whether the restored state was reconciled with the venue.
    public internal(set) var reconciled = false

    public var description: String {
        let from = snapshotSequence.map { "snapshot #\($0) + journal tail" } ?? "journal (no snapshot)"
        return "state restored from \(from) of \(journaledRecords) records; venue rebuilt by re-running the journaled input; "
            + "\(emittedAfterJournalEnd) records lost in the crash re-emitted; reconciled with the venue"
    }
}
