public import BourseCore
public import BourseEngine
import GRDB
import Foundation

extension SQLiteEventJournal {
    /// The records matching every filter given, in sequence order (`bourse audit show`).
    public func records(
        order: ClientOrderID? = nil, from: UnixNanos? = nil, to: UnixNanos? = nil, kinds: [JournalEntryKind] = []
    ) throws(JournalError) -> [JournalRecord] {
        try sync()
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let order {
            conditions.append("client_order_id = ?")
            _ = arguments.append(contentsOf: [order.value])
        }
        if let from {
            conditions.append("timestamp >= ?")
            _ = arguments.append(contentsOf: [from.rawValue])
        }
        if let to {
            conditions.append("timestamp <= ?")
            _ = arguments.append(contentsOf: [to.rawValue])
        }
        if !kinds.isEmpty {
            conditions.append("kind IN (\(kinds.map { String($0.rawValue) }.joined(separator: ",")))")
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let rows: [(sequence: Int64, payload: Data)]
        do {
            rows = try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT sequence, payload FROM journal \(filter) ORDER BY sequence", arguments: arguments)
                    .map { ($0["sequence"], $0["payload"]) }
            }
        } catch { throw .storage("cannot query \(path): \(error)") }
        var records: [JournalRecord] = []
        for row in rows {
            do { records.append(try JournalCodec.decode(Array(row.payload))) } catch {
                throw .codec(sequence: UInt64(row.sequence), error)
            }
        }
        return records
    }
}
