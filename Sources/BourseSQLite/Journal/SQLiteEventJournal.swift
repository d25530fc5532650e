public import BourseCore
public import BourseEngine
import Crypto
import Foundation
import GRDB
import GRDBSQLite

/// The event journal in one SQLite file (WAL mode, schema migrations), hash-chained: each record
/// stores the SHA-256 of the previous record's hash and its own encoded bytes, so editing,
/// deleting or reordering any record is detected by ``JournalVerifier``.
///
/// Snapshots live in the same file (``SnapshotStore``).
///
/// On open, the tail is checked: a last record that does not decode or whose hash does not
/// match (a torn write) is cut off, and a file SQLite cannot read past some point is salvaged
/// into a fresh file up to the last complete record. Both leave a message in ``warnings``.
public final class SQLiteEventJournal: EventJournal, SnapshotStore {
    public let path: String
    public let durability: JournalDurability
    /// What opening the file had to repair (empty when nothing).
    public private(set) var warnings: [String] = []
    public private(set) var lastSequence: UInt64 = 0
    let queue: DatabaseQueue
    private var lastHash = JournalChain.genesis
    /// Encoded records waiting for the group commit.
    private var pending = PendingRecords()
    private var oldestBuffered: ContinuousClock.Instant?
    private let window: Duration

    /// Opens (or creates) the journal at `path`.
    public init(path: String, durability: JournalDurability = .groupCommit(milliseconds: 10)) throws(JournalError) {
        self.path = path
        self.durability = durability
        if case .groupCommit(let ms) = durability { window = .milliseconds(ms) } else { window = .zero }
        let torn = WriteAheadLogTail.tornBytes(journal: path)
        do {
            queue = try Self.open(path)
        } catch {
            guard JournalSalvage.isDamage(error) else { throw .storage("cannot open \(path): \(error)") }
            let report = try JournalSalvage.salvage(path: path)
            warnings.append(report)
            do { queue = try Self.open(path) } catch { throw .storage("cannot open \(path) after salvage: \(error)") }
        }
        try loadTail()
        if let torn {
            warnings.append(
                "journal \(path): the last write was torn (\(torn) bytes of an incomplete commit at the end of the write-ahead log, discarded); recovered up to record #\(lastSequence)")
        }
    }

    /// Opens the journal at `path` for reading only (the audit commands): no migration, no
    /// salvage, no torn tail cut off, no write lock; the file is left exactly as it is, and an
    /// append fails when it is flushed. A torn or edited record fails when it is read.
    public init(readingOnly path: String) throws(JournalError) {
        self.path = path
        durability = .everyEvent
        window = .zero
        guard FileManager.default.fileExists(atPath: path) else { throw .storage("no journal at \(path)") }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            queue = try DatabaseQueue(path: path, configuration: configuration)
            let last = try queue.read { db in
                try Row.fetchOne(db, sql: "SELECT sequence, hash FROM journal ORDER BY sequence DESC LIMIT 1")
                    .map { (sequence: $0.integer("sequence"), hash: $0.bytes("hash")) }
            }
            if let last {
                guard let stored = last.sequence, let sequence = UInt64(exactly: stored), let hash = last.hash else {
                    throw JournalError.storage(
                        "journal \(path): the last record's sequence or hash is not valid: the file was edited (run `bourse audit verify`)")
                }
                lastSequence = sequence
                lastHash = hash
            }
        } catch let error as JournalError { throw error } catch { throw .storage("cannot open \(path) to read: \(error)") }
    }

    static func open(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.prepareDatabase { db in
            // Reads through a memory map (no read call and copy per page: replay speed).
            try db.execute(sql: "PRAGMA synchronous = FULL; PRAGMA mmap_size = 1073741824")
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try migrator.migrate(queue)
        // A damaged file may open fine and fail only when read: read it once here.
        try queue.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM journal") }
        return queue
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: journal, snapshot") { db in
            try db.execute(
                sql: """
                    CREATE TABLE journal (
                        sequence INTEGER PRIMARY KEY, timestamp INTEGER NOT NULL, kind INTEGER NOT NULL,
                        client_order_id TEXT, correlation_id TEXT NOT NULL, payload BLOB NOT NULL,
                        previous_hash BLOB NOT NULL, hash BLOB NOT NULL);
                    CREATE INDEX journal_by_order ON journal(client_order_id) WHERE client_order_id IS NOT NULL;
                    CREATE INDEX journal_by_time ON journal(timestamp);
                    CREATE TABLE snapshot (sequence INTEGER PRIMARY KEY, timestamp INTEGER NOT NULL, state BLOB NOT NULL);
                    """)
        }
        // Two index updates per append cost more than they save: the audit queries that used
        // them (by order, by time) are rare and scan the table instead.
        migrator.registerMigration("v2: no secondary indexes") { db in
            try db.execute(sql: "DROP INDEX journal_by_order; DROP INDEX journal_by_time;")
        }
        // A session's own part of a snapshot (a paper session's venue, strategy and counters).
        migrator.registerMigration("v3: snapshot session state") { db in
            try db.execute(sql: "ALTER TABLE snapshot ADD COLUMN session BLOB NOT NULL DEFAULT x''")
        }
        return migrator
    }

    /// Reads the last record; cuts off a torn tail (records that fail their hash or decoding).
    private func loadTail() throws(JournalError) {
        do {
            try queue.write { db in
                var cut: [UInt64] = []
                while let row = try Row.fetchOne(
                    db, sql: "SELECT sequence, payload, previous_hash, hash FROM journal ORDER BY sequence DESC LIMIT 1")
                {
                    guard let stored = row.integer("sequence"), let sequence = UInt64(exactly: stored), sequence > 0 else {
                        throw JournalError.storage(
                            "journal \(path): the last record's sequence is \(row.integer("sequence").map(String.init) ?? "NULL"), "
                                + "which no journal writes: the file was edited (run `bourse audit verify`)")
                    }
                    if let payload = row.bytes("payload"), let previous = row.bytes("previous_hash"), let hash = row.bytes("hash"),
                        JournalChain.hash(previous: previous, payload: payload) == hash, (try? JournalCodec.decode(payload)) != nil
                    {
                        lastSequence = sequence
                        lastHash = hash
                        break
                    }
                    cut.append(sequence)
                    try db.execute(sql: "DELETE FROM journal WHERE sequence = ?", arguments: [stored])
                }
                if let first = cut.last {
                    warnings.append(
                        "journal \(path): the last write was torn; records #\(first)…#\(cut[0]) were incomplete and are dropped; recovered up to record #\(lastSequence)")
                }
                try db.execute(sql: "DELETE FROM snapshot WHERE sequence > ?", arguments: [Int64(lastSequence)])
            }
        } catch let error as JournalError { throw error } catch { throw .storage("\(error)") }
    }

    // MARK: Appending

    @discardableResult
    public func append(_ entry: JournalEntry, timestamp: UnixNanos, correlationID: String) throws(JournalError) -> JournalRecord {
        let record = JournalRecord(sequence: lastSequence + 1, timestamp: timestamp, correlationID: correlationID, entry: entry)
        let hash = pending.append(record, previousHash: lastHash)
        // In place: the hash array keeps its storage.
        pending.bytes.withUnsafeBufferPointer { bytes in
            for (i, byte) in zip(lastHash.indices, bytes[hash]) { lastHash[i] = byte }
        }
        lastSequence = record.sequence
        switch durability {
        case .everyEvent:
            try flush()
        case .groupCommit:
            let now = ContinuousClock.now
            if let oldest = oldestBuffered {
                if now - oldest >= window { try flush() }
            } else {
                oldestBuffered = now
            }
        }
        return record
    }

    public func sync() throws(JournalError) { try flush() }

    /// Records per multi-row `INSERT`: a statement step inserts this many (8 bound values each,
    /// far under SQLite's limit of 32,766), so the per-statement work (opening the table's
    /// cursor, resetting the statement) is shared by them.
    static let rowsPerInsert = 64
    static let batchInsertSQL = insertSQL(rows: rowsPerInsert)
    static let singleInsertSQL = insertSQL(rows: 1)

    /// The `INSERT` of `rows` records.
    static func insertSQL(rows: Int) -> String {
        "INSERT INTO journal (sequence, timestamp, kind, client_order_id, correlation_id, payload, previous_hash, hash) VALUES "
            + repeatElement("(?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", ")
    }

    /// Writes the buffered records in one transaction.
    private func flush() throws(JournalError) {
        guard !pending.isEmpty else { return }
        do {
            try queue.inTransaction { db in
                let batch = try db.cachedStatement(sql: Self.batchInsertSQL).sqliteStatement
                let single = try db.cachedStatement(sql: Self.singleInsertSQL).sqliteStatement
                try pending.bytes.withUnsafeBytes { bytes in
                    let rows = pending.rows
                    var start = rows.startIndex
                    while start < rows.endIndex {
                        let count = rows.endIndex - start >= Self.rowsPerInsert ? Self.rowsPerInsert : 1
                        try Self.insert(rows[start..<start + count], with: count == 1 ? single : batch, bytes, db)
                        start += count
                    }
                }
                return .commit
            }
        } catch { throw .storage("cannot write to \(path): \(error)") }
        pending.removeAll()
        oldestBuffered = nil
    }

    /// Binds `rows` to `statement` (made for that many) and steps it once.
    private static func insert(
        _ rows: ArraySlice<PendingRecords.Row>, with s: SQLiteStatement, _ bytes: UnsafeRawBufferPointer, _ db: Database
    ) throws {
        // No binding may outlive the buffer it points into, even on error.
        defer {
            sqlite3_reset(s)
            sqlite3_clear_bindings(s)
        }
        var column: Int32 = 0
        for r in rows {
            sqlite3_bind_int64(s, column + 1, r.sequence)
            sqlite3_bind_int64(s, column + 2, r.timestamp)
            sqlite3_bind_int(s, column + 3, Int32(r.kind))
            if let id = r.clientOrderID { bindText(s, column + 4, bytes, id) } else { sqlite3_bind_null(s, column + 4) }
            bindText(s, column + 5, bytes, r.correlationID)
            bindBlob(s, column + 6, bytes, r.payload)
            bindBlob(s, column + 7, bytes, r.previousHash)
            bindBlob(s, column + 8, bytes, r.hash)
            column += 8
        }
        let code = sqlite3_step(s)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    /// `SQLITE_STATIC`: SQLite reads the bound bytes in place (no copy, no allocation); they stay
    /// valid and unchanged until the statement is stepped and reset, inside one `withUnsafeBytes`.
    private static let inPlace: sqlite3_destructor_type? = nil

    /// Binds UTF-8 `range` of `bytes` (read in place by the next step).
    private static func bindText(_ s: SQLiteStatement, _ index: Int32, _ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) {
        // The buffer always holds the record's payload, so it has an address.
        guard let base = bytes.baseAddress else { return }
        _ = sqlite3_bind_text(s, index, (base + range.lowerBound).assumingMemoryBound(to: CChar.self), Int32(range.count), inPlace)
    }

    /// Binds `range` of `bytes` as a blob (read in place by the next step).
    private static func bindBlob(_ s: SQLiteStatement, _ index: Int32, _ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) {
        _ = sqlite3_bind_blob(s, index, bytes.baseAddress.map { $0 + range.lowerBound }, Int32(range.count), inPlace)
    }

    // MARK: Reading

    public func forEach(after sequence: UInt64, _ body: (JournalRecord) throws(JournalError) -> Void) throws(JournalError) {
        try decodeRows("SELECT sequence, payload FROM journal WHERE sequence > ? ORDER BY sequence", sequence) {
            record throws(JournalError) in
            try body(record)
            return true
        }
    }

    public func forEachReversed(before sequence: UInt64, _ body: (JournalRecord) throws(JournalError) -> Bool) throws(JournalError) {
        try decodeRows("SELECT sequence, payload FROM journal WHERE sequence < ? ORDER BY sequence DESC", sequence, body)
    }

    /// Runs `sql` (selecting sequence and payload, with one `?` bound to `sequence`) and calls
    /// `body` with each row's record while it returns `true`.
    private func decodeRows(
        _ sql: String, _ sequence: UInt64, _ body: (JournalRecord) throws(JournalError) -> Bool
    ) throws(JournalError) {
        try flush()
        var failure: JournalError?
        do {
            try queue.read { db in
                let statement = try db.makeStatement(sql: sql)
                let s = statement.sqliteStatement
                sqlite3_bind_int64(s, 1, Int64(clamping: sequence))
                defer { sqlite3_reset(s) }
                // One reader for every row: it remembers the ids the records repeat.
                var reader = ByteReader()
                while true {
                    let code = sqlite3_step(s)
                    if code == SQLITE_DONE { break }
                    guard code == SQLITE_ROW else {
                        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                    }
                    // The payload is read in place (SQLite's pointer, valid until the next step):
                    // no Data, no copy. Typed catches: the record is built once, in this frame.
                    let bytes = UnsafeRawBufferPointer(start: sqlite3_column_blob(s, 1), count: Int(sqlite3_column_bytes(s, 1)))
                    let record: JournalRecord
                    do throws(JournalCodecError) { record = try reader.readRecord(bytes) } catch {
                        failure = .codec(sequence: UInt64(bitPattern: sqlite3_column_int64(s, 0)), error)
                        return
                    }
                    let more: Bool
                    do throws(JournalError) { more = try body(record) } catch {
                        failure = error
                        return
                    }
                    if !more { return }
                }
            }
        } catch { throw .storage("cannot read \(path): \(error)") }
        if let failure { throw failure }
    }

    // MARK: Snapshots

    public func save(_ snapshot: Snapshot) throws(JournalError) {
        try flush()
        do {
            try queue.write { db in
                try db.execute(
                    sql: "INSERT OR REPLACE INTO snapshot (sequence, timestamp, state, session) VALUES (?, ?, ?, ?)",
                    arguments: [Int64(snapshot.sequence), snapshot.timestamp.rawValue, Data(snapshot.bytes), Data(snapshot.session)])
            }
        } catch { throw .storage("cannot save a snapshot to \(path): \(error)") }
    }

    /// The snapshot of the highest sequence; `nil` when there is none. A row that is not one this
    /// journal writes (a negative sequence, a column of the wrong type: the file was edited) is
    /// ``JournalError/storage(_:)`` naming it.
    public func latestSnapshot() throws(JournalError) -> Snapshot? {
        let row: Row?
        do {
            row = try queue.read { db in
                try Row.fetchOne(db, sql: "SELECT sequence, timestamp, state, session FROM snapshot ORDER BY sequence DESC LIMIT 1")
            }
        } catch { throw .storage("cannot read snapshots from \(path): \(error)") }
        guard let row else { return nil }
        guard let stored = row.integer("sequence"), let sequence = UInt64(exactly: stored), let timestamp = row.integer("timestamp"),
            let state = row.bytes("state"), let session = row.bytes("session")
        else {
            let name = row.integer("sequence").map { "#\($0)" } ?? "with sequence \(row["sequence"] as DatabaseValue)"
            throw .storage(
                "journal \(path): the latest snapshot (\(name)) is not one this journal writes (a negative sequence or a column of the wrong type): "
                    + "the file was edited; delete that snapshot row to restart from the journal alone")
        }
        return Snapshot(sequence: sequence, timestamp: UnixNanos(timestamp), bytes: state, session: session)
    }
}
