import BourseCore
import BourseEngine
import BourseExecution
import BourseSQLite
import BourseTestKit
import Crypto
import Foundation
import GRDB
import Testing

/// The SQLite journal: the store contract, durability, tamper detection and torn-write recovery.
@Suite struct JournalStoreTests {
    static func session(bars count: Int = 300, seed: UInt64 = 9, snapshotEvery: Int = 50) throws -> PaperSessionConfiguration {
        var rng = SplitMix64(seed: seed)
        let instrument = TestDefaults.instrument
        let bars = try RandomMarket.bars(
            count: count, barType: BarType(instrumentID: instrument.id, spec: .oneMinute), start: Price(raw: 10_000, precision: 2),
            firstClose: TestDefaults.time, using: &rng)
        return PaperSessionConfiguration(
            instrument: instrument, bars: bars, startingCash: Money(uncheckedRaw: 10_000_00, currency: .USD),
            strategyID: TestDefaults.strategyID, accountID: TestDefaults.accountID,
            strategy: try PaperStrategy(fast: 3, slow: 8, quantity: Quantity(raw: 5, precision: 0)), snapshotEvery: snapshotEvery,
            actor: "test")
    }

    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString).sqlite").path
    }

    /// A journal file written by a whole paper session; returns its path and the session's final state.
    static func writtenJournal(durability: JournalDurability = .groupCommit(milliseconds: 10)) throws -> (String, JournalState) {
        let path = temporaryPath()
        let store = try SQLiteEventJournal(path: path, durability: durability)
        let state = try PaperSession(configuration: try session(), journal: store, snapshots: store).run()
        return (path, state)
    }

    static func database(_ path: String) throws -> DatabaseQueue { try DatabaseQueue(path: path) }

    // MARK: Contract

    @Test(arguments: ["memory", "sqlite-group", "sqlite-fsync"])
    func sameRecordsInEveryStore(store name: String) throws {
        let reference = InMemoryEventJournal()
        try PaperSession(configuration: try Self.session(), journal: reference, snapshots: InMemorySnapshotStore()).run()
        let journal: any EventJournal =
            switch name {
            case "memory": InMemoryEventJournal()
            case "sqlite-group": try SQLiteEventJournal(path: Self.temporaryPath(), durability: .groupCommit(milliseconds: 10))
            default: try SQLiteEventJournal(path: Self.temporaryPath(), durability: .everyEvent)
            }
        for record in try reference.records() {
            let appended = try journal.append(record.entry, timestamp: record.timestamp, correlationID: record.correlationID)
            #expect(appended == record)
        }
        #expect(journal.lastSequence == reference.lastSequence)
        #expect(try journal.records() == (try reference.records()))
        #expect(try journal.records(after: 100) == Array(try reference.records().dropFirst(100)))
        // Newest first, from before a sequence, until the body says stop.
        var reversed: [JournalRecord] = []
        try journal.forEachReversed(before: 101) { record in
            reversed.append(record)
            return true
        }
        #expect(reversed == Array(try reference.records().prefix(100).reversed()))
        var firstFive: [UInt64] = []
        try journal.forEachReversed(before: journal.lastSequence + 1) { record in
            firstFive.append(record.sequence)
            return firstFive.count < 5
        }
        #expect(firstFive == Array((journal.lastSequence - 4...journal.lastSequence).reversed()))
    }

    @Test func reopeningContinuesTheJournalAndTheChain() throws {
        let (path, state) = try Self.writtenJournal()
        let reopened = try SQLiteEventJournal(path: path)
        #expect(reopened.warnings.isEmpty)
        #expect(reopened.lastSequence == state.lastSequence)
        try reopened.append(
            .audit(AuditEntry(category: .operatorCommand, actor: "ops", action: "stop", reason: "end of day")), timestamp: UnixNanos(1),
            correlationID: "")
        try reopened.sync()
        let verification = try JournalVerifier.verify(path: path)
        #expect(verification.isIntact, "\(verification)")
        #expect(verification.records == Int(state.lastSequence) + 1)
        #expect(try reopened.latestSnapshot()?.sequence ?? 0 > 0)
    }

    /// A saved snapshot reads back as it was, with or without a session part (an empty blob).
    @Test(arguments: [[], [7, 0, 9]] as [[UInt8]])
    func snapshotsReadBackAsSaved(session: [UInt8]) throws {
        let path = Self.temporaryPath()
        let journal = try SQLiteEventJournal(path: path)
        try journal.append(.audit(AuditEntry(category: .operatorCommand, actor: "ops", action: "start", reason: "test")), timestamp: UnixNanos(5), correlationID: "")
        let snapshot = Snapshot(sequence: 1, timestamp: UnixNanos(5), bytes: [1, 2, 3], session: session)
        try journal.save(snapshot)
        #expect(try journal.latestSnapshot() == snapshot)
        #expect(try SQLiteEventJournal(path: path).latestSnapshot() == snapshot)
    }

    @Test func fsyncModeMakesEveryRecordVisibleAtOnce() throws {
        let path = Self.temporaryPath()
        let journal = try SQLiteEventJournal(path: path, durability: .everyEvent)
        try journal.append(.marketData(MarketDataMark(instrumentID: TestDefaults.instrument.id, index: 0, tsEvent: UnixNanos(5))),
            timestamp: UnixNanos(5), correlationID: "")
        let count = try Self.database(path).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM journal") }
        #expect(count == 1)
    }

    @Test func queriesFilterByOrderTimeAndKind() throws {
        let (path, _) = try Self.writtenJournal()
        let journal = try SQLiteEventJournal(path: path)
        let all = try journal.records()
        let order = try ClientOrderID("P-1")
        let ofOrder = try journal.records(order: order)
        #expect(!ofOrder.isEmpty && ofOrder == all.filter { $0.entry.clientOrderID == order })
        let fills = try journal.records(kinds: [.orderFilled])
        #expect(!fills.isEmpty && fills == all.filter { $0.entry.kind == .orderFilled })
        let middle = all[all.count / 2].timestamp
        let window = try journal.records(from: middle, to: middle)
        #expect(!window.isEmpty && window == all.filter { $0.timestamp == middle })
    }

    // MARK: Tampering

    enum Tampering: String, CaseIterable, Sendable {
        case editPayload, editPayloadAndRehash, editColumn, delete, swap, payloadOfAnotherType
    }

    @Test(arguments: Tampering.allCases)
    func tamperingIsDetectedAndNamed(_ tampering: Tampering) throws {
        let (path, state) = try Self.writtenJournal()
        let target: Int64 = 40
        try Self.database(path).write { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT * FROM journal WHERE sequence = ?", arguments: [target]))
            var payload = Array(row["payload"] as Data)
            payload[payload.count - 1] ^= 0x01
            switch tampering {
            case .editPayload:
                try db.execute(sql: "UPDATE journal SET payload = ? WHERE sequence = ?", arguments: [Data(payload), target])
            case .editPayloadAndRehash:
                // A careful forger recomputes the record's own hash; the next record still points at the old one.
                let hash = Self.sha256(Array(row["previous_hash"] as Data) + payload)
                try db.execute(sql: "UPDATE journal SET payload = ?, hash = ? WHERE sequence = ?", arguments: [Data(payload), Data(hash), target])
            case .editColumn:
                try db.execute(sql: "UPDATE journal SET timestamp = timestamp + 1 WHERE sequence = ?", arguments: [target])
            case .payloadOfAnotherType:
                // SQLite lets any column hold any type: a number where bytes belong is named, not a crash.
                try db.execute(sql: "UPDATE journal SET payload = 12345 WHERE sequence = ?", arguments: [target])
            case .delete:
                try db.execute(sql: "DELETE FROM journal WHERE sequence = ?", arguments: [target])
            case .swap:
                let next = try #require(try Row.fetchOne(db, sql: "SELECT * FROM journal WHERE sequence = ?", arguments: [target + 1]))
                for (row, sequence) in [(next, target), (row, target + 1)] {
                    try db.execute(
                        sql: "UPDATE journal SET payload = ?, hash = ?, previous_hash = ?, timestamp = ?, kind = ?, client_order_id = ? WHERE sequence = ?",
                        arguments: [row["payload"], row["hash"], row["previous_hash"], row["timestamp"], row["kind"], row["client_order_id"], sequence])
                }
            }
        }
        let verification = try JournalVerifier.verify(path: path)
        #expect(verification.firstBad?.sequence == UInt64(target), "\(tampering): \(verification)")
        #expect(verification.records == Int(target) - 1 || tampering == .editPayloadAndRehash)
        #expect(state.lastSequence > UInt64(target))
    }

    static func sha256(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes)) }

    // MARK: Torn writes

    @Test func aTornLastRecordIsDroppedWithAWarning() throws {
        let (path, state) = try Self.writtenJournal()
        try Self.database(path).write { db in
            // The last write tore: its bytes are cut short.
            try db.execute(
                sql: "UPDATE journal SET payload = substr(payload, 1, 5) WHERE sequence = ?", arguments: [Int64(state.lastSequence)])
        }
        let reopened = try SQLiteEventJournal(path: path)
        #expect(reopened.lastSequence == state.lastSequence - 1)
        #expect(reopened.warnings.count == 1)
        #expect(reopened.warnings.first?.contains("recovered up to record #\(state.lastSequence - 1)") == true)
        #expect(try JournalVerifier.verify(path: path).isIntact)
    }

    @Test func aTornWriteAtTheEndOfTheLogIsDiscardedWithAWarning() throws {
        let path = Self.temporaryPath()
        let copy = Self.temporaryPath()
        let total: UInt64
        do {
            let journal = try SQLiteEventJournal(path: path)
            try PaperSession(configuration: try Self.session(), journal: journal, snapshots: journal).run()
            try journal.append(
                .audit(AuditEntry(category: .operatorCommand, actor: "ops", action: "stop", reason: "closing")), timestamp: UnixNanos(1),
                correlationID: "")
            try journal.sync()
            total = journal.lastSequence
            // A copy of the files as a power cut would leave them: the log's last frame half written.
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            try FileManager.default.copyItem(atPath: path + "-wal", toPath: copy + "-wal")
        }
        let handle = try #require(FileHandle(forWritingAtPath: copy + "-wal"))
        let size = try handle.seekToEnd()
        try handle.truncate(atOffset: size - 100)
        try handle.close()
        let reopened = try SQLiteEventJournal(path: copy)
        #expect(reopened.warnings.count == 1, "\(reopened.warnings)")
        #expect(reopened.warnings.first?.contains("torn") == true)
        #expect(reopened.lastSequence == total - 1, "the torn commit held the last record only")
        #expect(reopened.warnings.first?.contains("recovered up to record #\(reopened.lastSequence)") == true)
        #expect(try JournalVerifier.verify(path: copy).isIntact)
    }

    @Test func aTruncatedFileIsSalvagedUpToTheLastCompleteRecord() throws {
        let (path, state) = try Self.writtenJournal()
        // Fold the WAL into the main file, then cut the file mid-page, as a torn copy or a full disk would.
        try Self.database(path).writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(size * 2 / 3 + 100))
        try handle.close()
        let salvaged = try SQLiteEventJournal(path: path)
        #expect(salvaged.warnings.count == 1, "\(salvaged.warnings)")
        #expect(salvaged.warnings.first?.contains("recovered") == true)
        #expect(salvaged.lastSequence > 0 && salvaged.lastSequence < state.lastSequence, "\(salvaged.warnings)")
        #expect(FileManager.default.fileExists(atPath: path + ".damaged"))
        #expect(try JournalVerifier.verify(path: path).isIntact)
        #expect(try salvaged.records().count == Int(salvaged.lastSequence))
    }
}
