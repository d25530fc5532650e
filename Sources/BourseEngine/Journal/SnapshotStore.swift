/// Where snapshots of the journal's state are kept (the SQLite journal keeps them in the same file).
public protocol SnapshotStore: AnyObject {
    /// Saves a snapshot (durably).
    func save(_ snapshot: Snapshot) throws(JournalError)
    /// The most recent snapshot, `nil` when none was taken.
    func latestSnapshot() throws(JournalError) -> Snapshot?
}

/// Snapshots in memory, for tests.
public final class InMemorySnapshotStore: SnapshotStore {
    public private(set) var snapshots: [Snapshot] = []

    public init() {}

    public func save(_ snapshot: Snapshot) throws(JournalError) { snapshots.append(snapshot) }

    public func latestSnapshot() throws(JournalError) -> Snapshot? { snapshots.last }
}
