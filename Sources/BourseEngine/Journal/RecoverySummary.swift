/// What a restart restored (journaled as a recovery audit record).
public struct RecoverySummary: Sendable, Hashable, CustomStringConvertible {
    /// Records in the journal at start.
    public let journaledRecords: UInt64
    /// The snapshot the state was restored from, `nil` when none.
    public let snapshotSequence: UInt64?
    /// The bar the session resumed at with its venue and strategy restored from the snapshot;
    /// `nil` when it re-ran its input from the first bar.
    public let resumedAtBar: Int?
    /// Records the crash had lost and the re-run produced again (journaled during recovery).
    public internal(set) var emittedAfterJournalEnd = 0
    /// Whether the restored state was reconciled with the venue.
    public internal(set) var reconciled = false

    public var description: String {
        let from = snapshotSequence.map { "snapshot #\($0) + journal tail" } ?? "journal (no snapshot)"
        let venue = resumedAtBar.map { "venue and strategy restored from the snapshot, bars from #\($0) re-run" }
            ?? "venue rebuilt by re-running the journaled input from the first bar"
        return "state restored from \(from) of \(journaledRecords) records; \(venue); "
            + "\(emittedAfterJournalEnd) records lost in the crash re-emitted; reconciled with the venue"
    }
}
