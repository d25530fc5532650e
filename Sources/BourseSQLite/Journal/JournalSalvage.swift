import BourseCore
import BourseEngine
import Foundation
import GRDB

/// Rescues a journal file SQLite reports as damaged: every record that can still be read, in
/// order, up to the first unreadable or broken one, is copied into a fresh journal built under a
/// temporary name; only when that is complete is the damaged file moved aside and the fresh one
/// put in its place (a failure leaves the damaged file where it was, and no empty journal).
enum JournalSalvage {
    /// A record that reads back whole: its decoded content, its bytes and its chain hashes.
    private struct Salvaged {
        var record: JournalRecord
        var payload: [UInt8]
        var previousHash: [UInt8]
        var hash: [UInt8]
    }

    private static let fileSuffixes = ["", "-wal", "-shm"]

    static func isDamage(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        return error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB
    }

    /// Salvages `path`; returns the warning to show.
    static func salvage(path: String) throws(JournalError) -> String {
        let damaged = path + ".damaged"
        let building = path + ".salvaging"
        let files = FileManager.default
        let (records, stopReason) = readableRecords(path)
        for suffix in fileSuffixes { try? files.removeItem(atPath: building + suffix) }
        do {
            let target = try SQLiteEventJournal.open(building)
            try target.write { db in
                for salvaged in records {
                    let record = salvaged.record
                    try db.execute(
                        sql: SQLiteEventJournal.singleInsertSQL,
                        arguments: [
                            Int64(record.sequence), record.timestamp.rawValue, Int64(record.entry.kind.rawValue),
                            record.entry.clientOrderID?.value, record.correlationID, Data(salvaged.payload), Data(salvaged.previousHash),
                            Data(salvaged.hash),
                        ])
                }
            }
            try target.close()
        } catch { throw .storage("cannot write the salvaged journal \(building): \(error)") }
        do {
            for suffix in fileSuffixes where files.fileExists(atPath: path + suffix) {
                try? files.removeItem(atPath: damaged + suffix)
                try files.moveItem(atPath: path + suffix, toPath: damaged + suffix)
            }
            for suffix in fileSuffixes where files.fileExists(atPath: building + suffix) {
                try files.moveItem(atPath: building + suffix, toPath: path + suffix)
            }
        } catch { throw .storage("cannot put the salvaged journal \(building) in place of the damaged \(path): \(error)") }
        return "journal \(path) was damaged (torn or truncated write): recovered \(records.count) complete records, "
            + "up to record #\(records.count); reading stopped at \(stopReason). The damaged file is kept at \(damaged)"
    }

    /// The records of the damaged file at `path` that read back whole, from the first up to the
    /// first broken one, and why reading stopped.
    private static func readableRecords(_ path: String) -> ([Salvaged], String) {
        var records: [Salvaged] = []
        var stopReason = "the end of the readable data"
        do {
            var configuration = Configuration()
            configuration.readonly = true
            // Lets SQLite read a file shorter than its header says (a truncated write) instead of refusing it whole.
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA writable_schema = ON") }
            let source = try DatabaseQueue(path: path, configuration: configuration)
            try source.read { db in
                let cursor = try Row.fetchCursor(db, sql: "SELECT sequence, payload, previous_hash, hash FROM journal ORDER BY sequence")
                var previous = JournalChain.genesis
                while let row = try cursor.next() {
                    let expected = UInt64(records.count + 1)
                    // A damaged page can read as a row of NULLs: every column is checked, none trusted; the
                    // other columns are rebuilt from the decoded record.
                    guard let payload = row.bytes("payload"), let stored = row.bytes("hash"), row.integer("sequence") == Int64(expected),
                        row.bytes("previous_hash") == previous, stored == JournalChain.hash(previous: previous, payload: payload),
                        let record = try? JournalCodec.decode(payload), record.sequence == expected
                    else {
                        stopReason = "record #\(expected), which is incomplete"
                        break
                    }
                    records.append(Salvaged(record: record, payload: payload, previousHash: previous, hash: stored))
                    previous = stored
                }
            }
        } catch {
            stopReason = "a damaged page (\(error))"
        }
        return (records, stopReason)
    }
}
