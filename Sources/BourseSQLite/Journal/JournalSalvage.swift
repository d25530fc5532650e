import BourseEngine
import Foundation
import GRDB

/// Rescues a journal file SQLite reports as damaged: the file is moved aside and every record
/// that can still be read, in order, up to the first unreadable or broken one, is copied into a
/// fresh journal at the original path.
enum JournalSalvage {
    static func isDamage(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        return error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB
    }

    /// Salvages `path`; returns the warning to show.
    static func salvage(path: String) throws(JournalError) -> String {
        let damaged = path + ".damaged"
        let files = FileManager.default
        do {
            for suffix in ["", "-wal", "-shm"] where files.fileExists(atPath: path + suffix) {
                try? files.removeItem(atPath: damaged + suffix)
                try files.moveItem(atPath: path + suffix, toPath: damaged + suffix)
            }
        } catch { throw .storage("cannot move the damaged journal \(path) aside: \(error)") }
        var rows: [Row] = []
        var stopReason = "the end of the readable data"
        do {
            var configuration = Configuration()
            configuration.readonly = true
            // Lets SQLite read a file shorter than its header says (a truncated write) instead of refusing it whole.
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA writable_schema = ON") }
            let source = try DatabaseQueue(path: damaged, configuration: configuration)
            try source.read { db in
                let cursor = try Row.fetchCursor(
                    db, sql: "SELECT sequence, timestamp, kind, client_order_id, correlation_id, payload, previous_hash, hash FROM journal ORDER BY sequence")
                var expected: Int64 = 1
                var previous = JournalChain.genesis
                while let row = try cursor.next() {
                    // A damaged page can read as a row of NULLs: every column is checked, none trusted.
                    guard let payload = row.bytes("payload"), let stored = row.bytes("hash"), row.integer("sequence") == expected,
                        stored == JournalChain.hash(previous: previous, payload: payload), (try? JournalCodec.decode(payload)) != nil
                    else {
                        stopReason = "record #\(expected), which is incomplete"
                        break
                    }
                    rows.append(row.copy())
                    previous = stored
                    expected += 1
                }
            }
        } catch {
            stopReason = "a damaged page (\(error))"
        }
        do {
            let target = try SQLiteEventJournal.open(path)
            try target.write { db in
                for row in rows {
                    try db.execute(
                        sql: """
                            INSERT INTO journal (sequence, timestamp, kind, client_order_id, correlation_id, payload, previous_hash, hash)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            row["sequence"], row["timestamp"], row["kind"], row["client_order_id"], row["correlation_id"],
                            row["payload"], row["previous_hash"], row["hash"],
                        ])
                }
            }
        } catch { throw .storage("cannot write the salvaged journal \(path): \(error)") }
        return "journal \(path) was damaged (torn or truncated write): recovered \(rows.count) complete records, "
            + "up to record #\(rows.count); reading stopped at \(stopReason). The damaged file is kept at \(damaged)"
    }
}
