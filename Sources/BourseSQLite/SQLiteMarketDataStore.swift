public import BourseCore
public import BourseData
public import Foundation
import GRDB
import GRDBSQLite

/// The market-data and instrument stores on SQLite (GRDB), in WAL mode, under a data
/// directory (`<dir>/bourse.sqlite`). The CLI picks the directory: `--data-dir`, else
/// `$BOURSE_HOME`, else `./.bourse`.
///
/// Bars are one row per bar, raw fixed-point integers, keyed by (series, close time);
/// every import is one write transaction. The schema is created and upgraded by
/// ``SQLiteMarketDataStore/migrator``.
///
/// **Durability.** Connections run with `synchronous = NORMAL`, the usual setting for WAL:
/// a committed import survives a crash of the process, and the database is never
/// corrupted, but the last commits before a power loss or an operating-system crash can
/// be lost (re-run the import). Bulk imports also raise the page cache to 256 MiB for
/// their transaction, so that large imports do not spill pages to the WAL mid-way.
public final class SQLiteMarketDataStore: MarketDataStore, InstrumentStore {
    private let pool: DatabasePool

    /// Opens (creating if needed) the store in `directory`.
    public init(directory: URL) throws(StoreError) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.journalMode = .wal
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
            pool = try DatabasePool(path: directory.appendingPathComponent("bourse.sqlite").path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch {
            throw .database("\(error)")
        }
    }

    /// Schema migrations, applied in order on open.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: instruments, bar series, bars, trades, quotes") { db in
            try db.execute(
                sql: """
                    CREATE TABLE instrument (id TEXT PRIMARY KEY NOT NULL, json TEXT NOT NULL);
                    CREATE TABLE series (
                        id INTEGER PRIMARY KEY, bar_type TEXT NOT NULL UNIQUE, instrument_id TEXT NOT NULL,
                        spec TEXT NOT NULL, price_precision INTEGER NOT NULL, size_precision INTEGER NOT NULL);
                    CREATE TABLE bar (
                        series_id INTEGER NOT NULL REFERENCES series(id), ts INTEGER NOT NULL,
                        open INTEGER NOT NULL, high INTEGER NOT NULL, low INTEGER NOT NULL, close INTEGER NOT NULL,
                        volume INTEGER NOT NULL, PRIMARY KEY (series_id, ts)) WITHOUT ROWID;
                    CREATE TABLE trade (
                        instrument_id TEXT NOT NULL, ts INTEGER NOT NULL, seq INTEGER NOT NULL,
                        price INTEGER NOT NULL, price_precision INTEGER NOT NULL, size INTEGER NOT NULL,
                        size_precision INTEGER NOT NULL, aggressor TEXT NOT NULL, trade_id TEXT,
                        PRIMARY KEY (instrument_id, ts, seq)) WITHOUT ROWID;
                    CREATE TABLE quote (
                        instrument_id TEXT NOT NULL, ts INTEGER NOT NULL, seq INTEGER NOT NULL,
                        bid INTEGER NOT NULL, ask INTEGER NOT NULL, price_precision INTEGER NOT NULL,
                        bid_size INTEGER NOT NULL, ask_size INTEGER NOT NULL, size_precision INTEGER NOT NULL,
                        PRIMARY KEY (instrument_id, ts, seq)) WITHOUT ROWID;
                    """)
        }
        return migrator
    }

    private func run<T>(_ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch {
            throw .database("\(error)")
        }
    }

    // MARK: Bars

    public func importBars(_ series: BarSeries, policy: OverlapPolicy) throws(StoreError) -> Int {
        try series.checkOrdered()
        return try run {
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA cache_size = -262144")
                defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
                var written = 0
                try db.inTransaction {
                    written = try insertBars(series, policy: policy, db)
                    return .commit
                }
                return written
            }
        }
    }

    /// Inserts the rows of `series` in the current transaction: prepared statements reused,
    /// integers bound directly. Throws (and the caller rolls back) on overlap or failure.
    private func insertBars(_ series: BarSeries, policy: OverlapPolicy, _ db: Database) throws -> Int {
        let key = series.barType.description
        let seriesID: Int64
        if let row = try Row.fetchOne(db, sql: "SELECT id, price_precision, size_precision FROM series WHERE bar_type = ?", arguments: [key]) {
            seriesID = row["id"]
            let stored = "\(row["price_precision"] as Int)/\(row["size_precision"] as Int)"
            let imported = "\(series.pricePrecision)/\(series.sizePrecision)"
            guard stored == imported else { throw StoreError.precisionMismatch(series: key, stored: stored, imported: imported) }
        } else {
            try db.execute(
                sql: "INSERT INTO series (bar_type, instrument_id, spec, price_precision, size_precision) VALUES (?, ?, ?, ?, ?)",
                arguments: [key, series.barType.instrumentID.description, series.barType.spec.description,
                    Int(series.pricePrecision), Int(series.sizePrecision)])
            seriesID = db.lastInsertedRowID
        }
        guard let first = series.timestamps.first, let last = series.timestamps.last else { return 0 }
        let overlapping = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM bar WHERE series_id = ? AND ts BETWEEN ? AND ?", arguments: [seriesID, first, last]) ?? 0
        if policy == .refuse && overlapping > 0 {
            throw StoreError.overlap(series: key, storedRows: overlapping, from: UnixNanos(first), to: UnixNanos(last))
        }
        let verb = policy == .merge ? "INSERT OR REPLACE" : "INSERT"
        // Rows go in blocks of `block` per statement (one VDBE run per block instead of per
        // row), the rest one by one; the statements are prepared once and reused.
        let block = 64
        func statement(rows: Int) throws -> Statement {
            let values = Array(repeating: "(?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", ")
            return try db.makeStatement(sql: "\(verb) INTO bar VALUES \(values)")
        }
        let blockStatement = try statement(rows: block)
        let rowStatement = try statement(rows: 1)
        func insert(_ statement: Statement, from start: Int, rows: Int) throws {
            let handle = statement.sqliteStatement
            var k: Int32 = 1
            for i in start..<(start + rows) {
                sqlite3_bind_int64(handle, k, seriesID)
                sqlite3_bind_int64(handle, k + 1, series.timestamps[i])
                sqlite3_bind_int64(handle, k + 2, series.opens[i])
                sqlite3_bind_int64(handle, k + 3, series.highs[i])
                sqlite3_bind_int64(handle, k + 4, series.lows[i])
                sqlite3_bind_int64(handle, k + 5, series.closes[i])
                sqlite3_bind_int64(handle, k + 6, series.volumes[i])
                k += 7
            }
            let code = sqlite3_step(handle)
            guard code == SQLITE_DONE else {
                throw StoreError.database("insert failed (\(code)): \(String(cString: sqlite3_errmsg(db.sqliteConnection)))")
            }
            sqlite3_reset(handle)
        }
        let whole = series.count / block * block
        for start in stride(from: 0, to: whole, by: block) { try insert(blockStatement, from: start, rows: block) }
        for start in whole..<series.count { try insert(rowStatement, from: start, rows: 1) }
        return series.count
    }

    public func bars(_ barType: BarType, in range: ClosedRange<UnixNanos>?) throws(StoreError) -> BarSeries? {
        try run {
            try pool.read { db -> BarSeries? in
                guard let row = try Row.fetchOne(
                    db, sql: "SELECT id, price_precision, size_precision FROM series WHERE bar_type = ?", arguments: [barType.description])
                else { return nil }
                var series = BarSeries(
                    barType: barType, pricePrecision: UInt8(row["price_precision"] as Int), sizePrecision: UInt8(row["size_precision"] as Int))
                let from = range?.lowerBound.rawValue ?? Int64.min
                let to = range?.upperBound.rawValue ?? Int64.max
                let statement = try db.makeStatement(
                    sql: "SELECT ts, open, high, low, close, volume FROM bar WHERE series_id = ? AND ts BETWEEN ? AND ? ORDER BY ts")
                let handle = statement.sqliteStatement
                sqlite3_bind_int64(handle, 1, row["id"] as Int64)
                sqlite3_bind_int64(handle, 2, from)
                sqlite3_bind_int64(handle, 3, to)
                while sqlite3_step(handle) == SQLITE_ROW {
                    series.appendStored(
                        sqlite3_column_int64(handle, 0), sqlite3_column_int64(handle, 1), sqlite3_column_int64(handle, 2),
                        sqlite3_column_int64(handle, 3), sqlite3_column_int64(handle, 4), sqlite3_column_int64(handle, 5))
                }
                sqlite3_reset(handle)
                return series
            }
        }
    }

    public func series() throws(StoreError) -> [StoredSeries] {
        try run {
            try pool.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT s.bar_type, s.price_precision, s.size_precision, COUNT(b.ts) AS n, MIN(b.ts) AS first, MAX(b.ts) AS last
                        FROM series s LEFT JOIN bar b ON b.series_id = s.id GROUP BY s.id ORDER BY s.bar_type
                        """
                ).map { row in
                    let text: String = row["bar_type"]
                    let parts = text.split(separator: "-", maxSplits: 1)
                    let barType = BarType(instrumentID: try InstrumentID(String(parts[0])), spec: try BarSpec(String(parts[1])))
                    return StoredSeries(
                        barType: barType, pricePrecision: UInt8(row["price_precision"] as Int),
                        sizePrecision: UInt8(row["size_precision"] as Int), count: row["n"],
                        first: (row["first"] as Int64?).map(UnixNanos.init), last: (row["last"] as Int64?).map(UnixNanos.init))
                }
            }
        }
    }

    // MARK: Ticks

    public func importTrades(_ ticks: [TradeTick], policy: OverlapPolicy) throws(StoreError) -> Int {
        try importTicks(ticks, table: "trade", policy: policy, time: \.tsEvent, instrument: \.instrumentID) { t in
            [t.price.raw, Int(t.price.precision), t.size.raw, Int(t.size.precision), t.aggressor.rawValue, t.tradeID?.value]
        }
    }

    public func trades(_ instrumentID: InstrumentID, in range: ClosedRange<UnixNanos>?) throws(StoreError) -> [TradeTick] {
        try fetchTicks(table: "trade", instrumentID, range) { row in
            TradeTick(
                instrumentID: instrumentID, price: Price(uncheckedRaw: row["price"], precision: UInt8(row["price_precision"] as Int)),
                size: Quantity(uncheckedRaw: row["size"], precision: UInt8(row["size_precision"] as Int)),
                aggressor: AggressorSide(rawValue: row["aggressor"]) ?? .none,
                tradeID: try (row["trade_id"] as String?).map { try TradeID($0) }, tsEvent: UnixNanos(row["ts"]))
        }
    }

    public func importQuotes(_ ticks: [QuoteTick], policy: OverlapPolicy) throws(StoreError) -> Int {
        try importTicks(ticks, table: "quote", policy: policy, time: \.tsEvent, instrument: \.instrumentID) { q in
            [q.bid.raw, q.ask.raw, Int(q.bid.precision), q.bidSize.raw, q.askSize.raw, Int(q.bidSize.precision)]
        }
    }

    public func quotes(_ instrumentID: InstrumentID, in range: ClosedRange<UnixNanos>?) throws(StoreError) -> [QuoteTick] {
        try fetchTicks(table: "quote", instrumentID, range) { row in
            let p = UInt8(row["price_precision"] as Int)
            let s = UInt8(row["size_precision"] as Int)
            return try QuoteTick(
                instrumentID: instrumentID, bid: Price(uncheckedRaw: row["bid"], precision: p), ask: Price(uncheckedRaw: row["ask"], precision: p),
                bidSize: Quantity(uncheckedRaw: row["bid_size"], precision: s), askSize: Quantity(uncheckedRaw: row["ask_size"], precision: s),
                tsEvent: UnixNanos(row["ts"]))
        }
    }

    /// Groups ticks by instrument; for each, refuses or replaces the stored ticks in the
    /// imported time range, then inserts with a sequence number per timestamp.
    private func importTicks<T>(
        _ ticks: [T], table: String, policy: OverlapPolicy, time: KeyPath<T, UnixNanos>, instrument: KeyPath<T, InstrumentID>,
        values: @escaping (T) -> [(any DatabaseValueConvertible)?]
    ) throws(StoreError) -> Int {
        var order: [InstrumentID] = []
        var groups: [InstrumentID: [T]] = [:]
        for tick in ticks {
            let id = tick[keyPath: instrument]
            if groups[id] == nil { order.append(id) }
            groups[id, default: []].append(tick)
        }
        for id in order { try groups[id, default: []].checkTicksOrdered({ $0[keyPath: time] }, series: id.description) }
        return try run {
            try pool.write { db in
                for id in order {
                    let group = groups[id] ?? []
                    guard let first = group.first?[keyPath: time].rawValue, let last = group.last?[keyPath: time].rawValue else { continue }
                    let overlapping = try Int.fetchOne(
                        db, sql: "SELECT COUNT(*) FROM \(table) WHERE instrument_id = ? AND ts BETWEEN ? AND ?",
                        arguments: [id.description, first, last]) ?? 0
                    if overlapping > 0 {
                        guard policy == .merge else {
                            throw StoreError.overlap(series: id.description, storedRows: overlapping, from: UnixNanos(first), to: UnixNanos(last))
                        }
                        try db.execute(
                            sql: "DELETE FROM \(table) WHERE instrument_id = ? AND ts BETWEEN ? AND ?", arguments: [id.description, first, last])
                    }
                    let columns = table == "trade"
                        ? "price, price_precision, size, size_precision, aggressor, trade_id"
                        : "bid, ask, price_precision, bid_size, ask_size, size_precision"
                    let statement = try db.makeStatement(
                        sql: "INSERT INTO \(table) (instrument_id, ts, seq, \(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    var seq = 0
                    var previous: Int64?
                    for tick in group {
                        let ts = tick[keyPath: time].rawValue
                        seq = ts == previous ? seq + 1 : 0
                        previous = ts
                        try statement.execute(arguments: StatementArguments([id.description, ts, seq] + values(tick)))
                    }
                }
                return ticks.count
            }
        }
    }

    private func fetchTicks<T>(
        table: String, _ id: InstrumentID, _ range: ClosedRange<UnixNanos>?, _ make: @escaping (Row) throws -> T
    ) throws(StoreError) -> [T] {
        try run {
            try pool.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT * FROM \(table) WHERE instrument_id = ? AND ts BETWEEN ? AND ? ORDER BY ts, seq",
                    arguments: [id.description, range?.lowerBound.rawValue ?? Int64.min, range?.upperBound.rawValue ?? Int64.max]
                ).map(make)
            }
        }
    }

    // MARK: Instruments

    public func save(_ instrument: Instrument) throws(StoreError) {
        try run {
            let json = String(decoding: try JSONEncoder().encode(instrument), as: UTF8.self)
            try pool.write { db in
                try db.execute(sql: "INSERT OR REPLACE INTO instrument (id, json) VALUES (?, ?)", arguments: [instrument.id.description, json])
            }
        }
    }

    public func instrument(_ id: InstrumentID) throws(StoreError) -> Instrument? {
        try run {
            try pool.read { db in
                try String.fetchOne(db, sql: "SELECT json FROM instrument WHERE id = ?", arguments: [id.description])
            }.map { try JSONDecoder().decode(Instrument.self, from: Data($0.utf8)) }
        }
    }

    public func instruments() throws(StoreError) -> [Instrument] {
        try run {
            try pool.read { db in try String.fetchAll(db, sql: "SELECT json FROM instrument ORDER BY id") }
                .map { try JSONDecoder().decode(Instrument.self, from: Data($0.utf8)) }
        }
    }
}
