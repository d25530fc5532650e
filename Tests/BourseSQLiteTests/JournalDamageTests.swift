import BourseCore
import BourseEngine
import Foundation
import GRDB
import Testing

@testable import BourseSQLite

/// Damaged or edited journal files: salvage never leaves an empty journal behind, a negative
/// sequence is named rather than trapped on, and the audit commands' read-only open changes nothing.
@Suite struct JournalDamageTests {
    /// A copy of a written journal's records in a table without constraints (as a damaged page
    /// can read: NULL columns), at a new path; returns it and the original's records.
    static func looseCopy(editing edit: String) throws -> (path: String, records: [JournalRecord]) {
        let (original, _) = try JournalStoreTests.writtenJournal()
        let records = try SQLiteEventJournal(path: original).records()
        let path = JournalStoreTests.temporaryPath()
        try DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(
                sql: """
                    CREATE TABLE journal (sequence INTEGER, timestamp INTEGER, kind INTEGER, client_order_id TEXT,
                        correlation_id TEXT, payload BLOB, previous_hash BLOB, hash BLOB)
                    """)
            try db.execute(sql: "ATTACH DATABASE ? AS original", arguments: [original])
            try db.execute(
                sql: """
                    INSERT INTO journal SELECT sequence, timestamp, kind, client_order_id, correlation_id, payload, previous_hash, hash
                    FROM original.journal
                    """)
            try db.execute(sql: "DETACH DATABASE original")
            try db.execute(sql: edit)
        }
        return (path, records)
    }

    /// A row whose indexed columns read as NULL (its bytes and hashes intact) is salvaged from its
    /// decoded record; before, its NOT NULL insert failed after the original was moved aside.
    @Test func salvageRebuildsNullColumnsFromTheRecord() throws {
        let (path, records) = try Self.looseCopy(
            editing: "UPDATE journal SET timestamp = NULL, kind = NULL, correlation_id = NULL, client_order_id = NULL WHERE sequence = 10")
        let warning = try JournalSalvage.salvage(path: path)
        #expect(warning.contains("recovered \(records.count) complete records"), "\(warning)")
        #expect(try JournalVerifier.verify(path: path).isIntact)
        #expect(try SQLiteEventJournal(path: path).records() == records)
        #expect(FileManager.default.fileExists(atPath: path + ".damaged"))
        #expect(!FileManager.default.fileExists(atPath: path + ".salvaging"))
    }

    /// A stored previous hash that is not the chain's stops the salvage there: the salvaged
    /// journal holds the records before it, and verifies.
    @Test func salvageStopsAtABrokenPreviousHash() throws {
        let (path, records) = try Self.looseCopy(editing: "UPDATE journal SET previous_hash = x'00' WHERE sequence = 10")
        _ = try JournalSalvage.salvage(path: path)
        #expect(try JournalVerifier.verify(path: path).isIntact)
        #expect(try SQLiteEventJournal(path: path).records() == Array(records.prefix(9)))
    }

    /// `UPDATE journal SET sequence = -1`: the verifier names the record, opening the journal is a
    /// clear error (no trap), both read-only and read-write.
    @Test func aNegativeSequenceIsReportedNotTrappedOn() throws {
        let (path, _) = try JournalStoreTests.writtenJournal()
        try JournalStoreTests.database(path).write { db in try db.execute(sql: "UPDATE journal SET sequence = -1 WHERE sequence = 40") }
        let verification = try JournalVerifier.verify(path: path)
        #expect(verification.firstBad?.sequence == 1, "\(verification)")

        let single = JournalStoreTests.temporaryPath()
        do {
            let journal = try SQLiteEventJournal(path: single)
            try journal.append(.audit(AuditEntry(category: .operatorCommand, actor: "ops", action: "start", reason: "test")), timestamp: UnixNanos(1), correlationID: "")
            try journal.sync()
        }
        try JournalStoreTests.database(single).write { db in try db.execute(sql: "UPDATE journal SET sequence = -1") }
        #expect(throws: JournalError.self) { try SQLiteEventJournal(path: single) }
        #expect(throws: JournalError.self) { try SQLiteEventJournal(readingOnly: single) }
        #expect(try JournalVerifier.verify(path: single).firstBad?.sequence == 1)
    }

    /// An edited snapshot row (a negative sequence, a column of the wrong type) is a typed error
    /// naming the snapshot, not a trap.
    @Test(arguments: [
        "UPDATE snapshot SET sequence = -7",
        "UPDATE snapshot SET timestamp = 'noon'",
        "UPDATE snapshot SET state = 42",
        "UPDATE snapshot SET session = 4.5",
    ])
    func anEditedSnapshotIsReportedNotTrappedOn(edit: String) throws {
        let path = JournalStoreTests.temporaryPath()
        do {
            let journal = try SQLiteEventJournal(path: path)
            try journal.append(.audit(AuditEntry(category: .operatorCommand, actor: "ops", action: "start", reason: "test")), timestamp: UnixNanos(1), correlationID: "")
            try journal.save(Snapshot(sequence: 1, timestamp: UnixNanos(1), bytes: [1, 2, 3], session: [4]))
        }
        // Every snapshot row is edited, so the damaged one is the latest.
        try JournalStoreTests.database(path).write { db in try db.execute(sql: edit) }
        let journal = try SQLiteEventJournal(path: path)
        #expect {
            _ = try journal.latestSnapshot()
        } throws: { error in
            guard let error = error as? JournalError, case .storage(let message) = error else { return false }
            return message.contains("snapshot") && message.contains(path)
        }
    }

    /// The audit commands open read-only: a torn last record is not cut off (the file is left as
    /// it is) and reading it is an error, not a repair.
    @Test func theReadOnlyOpenChangesNothing() throws {
        let (path, state) = try JournalStoreTests.writtenJournal()
        try JournalStoreTests.database(path).write { db in
            try db.execute(sql: "UPDATE journal SET payload = substr(payload, 1, 5) WHERE sequence = ?", arguments: [Int64(state.lastSequence)])
        }
        let reader = try SQLiteEventJournal(readingOnly: path)
        #expect(reader.lastSequence == state.lastSequence)
        #expect(throws: JournalError.self) { try reader.records() }
        #expect(throws: JournalError.self) { try reader.append(.audit(AuditEntry(category: .operatorCommand, actor: "ops", action: "x", reason: "y")), timestamp: UnixNanos(1), correlationID: ""); try reader.sync() }
        let count = try JournalStoreTests.database(path).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM journal") }
        #expect(count == Int(state.lastSequence), "the torn record is still there")
        #expect(try JournalVerifier.verify(path: path).firstBad?.sequence == state.lastSequence)
    }
}
