import BourseCore
public import BourseEngine
import Foundation
import GRDB

/// The result of checking a journal's hash chain.
public struct JournalVerification: Sendable, Hashable, CustomStringConvertible {
    /// Records checked.
    public let records: Int
    /// The first bad record and what is wrong with it; `nil` when the journal is intact.
    public let firstBad: (sequence: UInt64, reason: String)?

    public static func == (a: Self, b: Self) -> Bool {
        a.records == b.records && a.firstBad?.sequence == b.firstBad?.sequence && a.firstBad?.reason == b.firstBad?.reason
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(records)
        hasher.combine(firstBad?.sequence)
    }

    public var isIntact: Bool { firstBad == nil }

    public var description: String {
        guard let bad = firstBad else { return "OK: \(records) records, hash chain intact" }
        return "TAMPERED: first bad record is #\(bad.sequence): \(bad.reason)"
    }
}

/// Checks every record of a journal file: the sequence has no gap, each record's bytes match
/// its hash and chain to the previous record, and its indexed columns match its bytes.
public enum JournalVerifier {
    /// Verifies the journal at `path` without changing it.
    public static func verify(path: String) throws(JournalError) -> JournalVerification {
        guard FileManager.default.fileExists(atPath: path) else { throw .storage("no journal at \(path)") }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            return try queue.read { db in
                let cursor = try Row.fetchCursor(
                    db, sql: "SELECT sequence, timestamp, kind, client_order_id, payload, previous_hash, hash FROM journal ORDER BY sequence")
                var expected: UInt64 = 1
                var previous = JournalChain.genesis
                var count = 0
                while let row = try cursor.next() {
                    guard let sequence = row.integer("sequence").flatMap({ UInt64(exactly: $0) }), sequence > 0 else {
                        let stored = row.integer("sequence").map(String.init) ?? "NULL"
                        return JournalVerification(
                            records: count, firstBad: (expected, "a record after #\(expected - 1) was edited: its sequence is \(stored)"))
                    }
                    if let problem = check(row, sequence: sequence, expected: expected, previous: previous) {
                        return JournalVerification(records: count, firstBad: problem)
                    }
                    previous = row.bytes("hash") ?? []
                    expected = sequence + 1
                    count += 1
                }
                let snapshot = try Int64.fetchOne(db, sql: "SELECT max(sequence) FROM snapshot") ?? 0
                if snapshot >= Int64(expected) {
                    return JournalVerification(
                        records: count,
                        firstBad: (expected, "records #\(expected)…#\(snapshot) were deleted (a snapshot was taken at #\(snapshot))"))
                }
                return JournalVerification(records: count, firstBad: nil)
            }
        } catch { throw .storage("cannot verify \(path): \(error)") }
    }

    private static func check(_ row: Row, sequence: UInt64, expected: UInt64, previous: [UInt8]) -> (UInt64, String)? {
        if sequence < expected {
            return (sequence, "record #\(sequence) was edited: its sequence repeats one before it")
        }
        if sequence != expected {
            return (expected, expected + 1 == sequence ? "record #\(expected) was deleted" : "records #\(expected)…#\(sequence - 1) were deleted")
        }
        guard let payload = row.bytes("payload"), let storedPrevious = row.bytes("previous_hash"), let hash = row.bytes("hash") else {
            return (sequence, "record #\(sequence) was edited: its bytes or hashes are missing or not bytes")
        }
        let record: JournalRecord
        do { record = try JournalCodec.decode(payload) } catch {
            return (sequence, "record #\(sequence) was edited: it cannot be decoded (\(error))")
        }
        if record.sequence != sequence {
            return (sequence, "record #\(sequence) holds record #\(record.sequence)'s content: records were reordered")
        }
        if JournalChain.hash(previous: storedPrevious, payload: payload) != hash {
            return (sequence, "record #\(sequence) was edited: its bytes do not match its hash")
        }
        if storedPrevious != previous {
            return (sequence - 1, "record #\(sequence - 1) was changed after record #\(sequence) was written (the hash chain breaks between them)")
        }
        if record.timestamp.rawValue != row.integer("timestamp") || Int64(record.entry.kind.rawValue) != row.integer("kind")
            || record.entry.clientOrderID?.value != row.text("client_order_id")
        {
            return (sequence, "record #\(sequence) was edited: its indexed columns do not match its bytes")
        }
        return nil
    }
}
