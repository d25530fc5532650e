public import BourseCore

/// An append-only, ordered store of ``JournalRecord``s: the source of truth from which orders,
/// positions and cash are rebuilt (``JournalState``).
///
/// Implementations: ``InMemoryEventJournal`` (tests, backtests) and `SQLiteEventJournal`
/// (BourseSQLite, durable, hash-chained). A record may be buffered until ``sync()`` (group
/// commit): call it before anything leaves the process that depends on the record being
/// durable — an order command before it is sent.
public protocol EventJournal: AnyObject {
    /// The sequence number of the last record appended (0 when empty).
    var lastSequence: UInt64 { get }

    /// Appends `entry` as the next record and returns it.
    @discardableResult
    func append(_ entry: JournalEntry, timestamp: UnixNanos, correlationID: String) throws(JournalError) -> JournalRecord

    /// Makes every appended record durable.
    func sync() throws(JournalError)

    /// Calls `body` with every record after `sequence`, in order.
    func forEach(after sequence: UInt64, _ body: (JournalRecord) throws(JournalError) -> Void) throws(JournalError)

    /// Calls `body` with the records before `sequence`, newest first, while it returns `true`:
    /// for what is found near the end (what a restart needs of its open orders).
    func forEachReversed(before sequence: UInt64, _ body: (JournalRecord) throws(JournalError) -> Bool) throws(JournalError)
}

extension EventJournal {
    /// Every record after `sequence`, in order.
    public func records(after sequence: UInt64 = 0) throws(JournalError) -> [JournalRecord] {
        var records: [JournalRecord] = []
        try forEach(after: sequence) { records.append($0) }
        return records
    }
}
