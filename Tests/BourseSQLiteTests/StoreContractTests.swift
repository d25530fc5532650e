import BourseCore
import BourseData
import BourseSQLite
import Foundation
import Testing

/// The one contract every market-data and instrument store passes, run against the
/// in-memory store and the SQLite store.
struct StoreContractTests {
    enum Kind: String, CaseIterable, Sendable { case inMemory, sqlite }

    /// A fresh, empty store (SQLite in a new temporary directory).
    static func make(_ kind: Kind) throws -> any MarketDataStore & InstrumentStore {
        switch kind {
        case .inMemory: return InMemoryMarketDataStore()
        case .sqlite:
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bourse-store-\(UUID().uuidString)")
            return try SQLiteMarketDataStore(directory: dir)
        }
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func goog() throws -> BarSeries {
        let barType = BarType(instrumentID: try InstrumentID("GOOG.NASDAQ"), spec: .oneDay)
        return try BarCSVImporter.importBars(
            path: fixtures.appendingPathComponent("data/GOOG.csv").path, options: BarImportOptions(barType: barType, labels: .open)
        ).series
    }

    static func day(_ text: String) throws -> UnixNanos {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        return try CivilDateTime(year: parts[0], month: parts[1], day: parts[2]).unixNanos
    }

    @Test(arguments: Kind.allCases)
    func storesAndQueriesBarsByTypeAndTimeRange(_ kind: Kind) throws {
        let store = try Self.make(kind)
        let goog = try Self.goog()
        #expect(try store.importBars(goog, policy: .refuse) == 2148)
        #expect(try store.bars(goog.barType, in: nil) == goog)
        let range = try Self.day("2010-01-01")...Self.day("2010-02-01")
        let january = try #require(try store.bars(goog.barType, in: range))
        #expect(january == goog.slice(range))
        // 19 NASDAQ sessions in January 2010, plus 2009-12-31, whose bar closes at 2010-01-01 00:00 (the range is inclusive).
        #expect(january.count == 20)
        let listed = try store.series()
        #expect(listed.map(\.barType) == [goog.barType])
        #expect(listed.first?.count == 2148)
        #expect(listed.first?.first == UnixNanos(goog.timestamps[0]))
        let other = BarType(instrumentID: try InstrumentID("MSFT.NASDAQ"), spec: .oneDay)
        #expect(try store.bars(other, in: nil) == nil)
    }

    @Test(arguments: Kind.allCases)
    func overlappingImportIsRefusedUnlessMerged(_ kind: Kind) throws {
        let store = try Self.make(kind)
        let goog = try Self.goog()
        let firstHalf = goog.slice(UnixNanos(goog.timestamps[0])...UnixNanos(goog.timestamps[1199]))
        let secondHalf = goog.slice(UnixNanos(goog.timestamps[1000])...UnixNanos(goog.timestamps[2147]))
        try store.importBars(firstHalf, policy: .refuse)
        #expect(throws: StoreError.overlap(series: goog.barType.description, storedRows: 200, from: UnixNanos(goog.timestamps[1000]), to: UnixNanos(goog.timestamps[2147]))) {
            try store.importBars(secondHalf, policy: .refuse)
        }
        #expect(try store.bars(goog.barType, in: nil)?.count == 1200)  // nothing written by the refused import
        try store.importBars(secondHalf, policy: .merge)
        #expect(try store.bars(goog.barType, in: nil) == goog)  // merged, never duplicated
    }

    @Test(arguments: Kind.allCases)
    func failedImportsStoreNothing(_ kind: Kind) throws {
        let store = try Self.make(kind)
        let barType = BarType(instrumentID: try InstrumentID("EUR/USD.SIM"), spec: .oneMinute)
        for file in ["high_below_low.csv", "duplicate_timestamp.csv", "truncated_last_line.csv", "precision_overflow.csv"] {
            #expect(throws: DataImportError.self) {
                let result = try BarCSVImporter.importBars(
                    path: Self.fixtures.appendingPathComponent("malformed/\(file)").path, options: BarImportOptions(barType: barType, labels: .open))
                try store.importBars(result.series, policy: .refuse)
            }
        }
        #expect(try store.series().isEmpty)
        // A precision change against a stored series is refused as a whole.
        let goog = try Self.goog()
        try store.importBars(goog, policy: .refuse)
        var options = BarImportOptions(barType: goog.barType, labels: .close)
        options.tickSize = try Price(parsing: "0.0001")
        let more = try BarCSVImporter.importBars(data: Data("2020-01-01T00:00:00Z,1,2,1,2,10\n".utf8), fileName: "x.csv", options: options).series
        #expect(throws: StoreError.self) { try store.importBars(more, policy: .merge) }
        #expect(try store.bars(goog.barType, in: nil) == goog)
    }

    @Test(arguments: Kind.allCases)
    func quoteTicksRoundTripWithRepeatedTimestamps(_ kind: Kind) throws {
        let store = try Self.make(kind)
        let id = try InstrumentID("USD/JPY.TRUEFX")
        let quotes = try TickCSVImporter.importQuotes(
            path: Self.fixtures.appendingPathComponent("data/USDJPY_ticks_2013-01.csv").path, instrumentID: id
        ).ticks
        #expect(try store.importQuotes(quotes, policy: .refuse) == 1000)
        #expect(try store.quotes(id, in: nil) == quotes)
        #expect(throws: StoreError.self) { try store.importQuotes(Array(quotes.suffix(10)), policy: .refuse) }
        try store.importQuotes(Array(quotes.suffix(10)), policy: .merge)
        #expect(try store.quotes(id, in: nil) == quotes)
        let window = quotes[100].tsEvent...quotes[200].tsEvent
        #expect(try store.quotes(id, in: window) == quotes.filter { window.contains($0.tsEvent) })
    }

    @Test(arguments: Kind.allCases)
    func tradeTicksRoundTrip(_ kind: Kind) throws {
        let store = try Self.make(kind)
        let id = try InstrumentID("BTCUSDT.BINANCE")
        var trades: [TradeTick] = []
        for i in 0..<50 {
            let price = try Price(parsing: "4200\(i % 10).5")
            let size = try Quantity(parsing: "0.00\(i + 1)")
            let side: AggressorSide = i % 2 == 0 ? .buyer : .seller
            let time = UnixNanos(Int64(1_000 + i / 2))
            trades.append(TradeTick(instrumentID: id, price: price, size: size, aggressor: side, tradeID: try TradeID("T\(i)"), tsEvent: time))
        }
        try store.importTrades(trades, policy: .refuse)
        #expect(try store.trades(id, in: nil) == trades)
        #expect(try store.trades(id, in: UnixNanos(1_010)...UnixNanos(1_012)).count == 6)
    }

    @Test(arguments: Kind.allCases)
    func instrumentRegistry(_ kind: Kind) throws {
        let store = try Self.make(kind)
        let goog = try Instrument.equity("GOOG.NASDAQ", currency: .USD)
        let eurusd = try Instrument.fxSpot("EUR/USD.SIM", base: .EUR, quote: .USD)
        try store.save(goog)
        try store.save(eurusd)
        #expect(try store.instrument(goog.id) == goog)
        #expect(try store.instruments().map(\.id) == [eurusd.id, goog.id])
        #expect(try store.instrument(try InstrumentID("NOPE.X")) == nil)
    }

    @Test func sqliteStorePersistsAcrossReopening() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bourse-store-\(UUID().uuidString)")
        let goog = try Self.goog()
        do {
            let store = try SQLiteMarketDataStore(directory: dir)
            _ = try store.importBars(goog, policy: .refuse)
        }
        let reopened = try SQLiteMarketDataStore(directory: dir)
        #expect(try reopened.bars(goog.barType, in: nil) == goog)
    }
}
