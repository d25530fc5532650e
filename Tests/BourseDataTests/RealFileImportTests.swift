import BourseCore
@testable import BourseData
import Foundation
import Testing

/// Every real file imports, matches an independent reading of its text, and round-trips
/// through the CSV exporter.
struct RealFileImportTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let file: String
        let spec: String
        let labels: TimestampLabel
        let yahoo: Bool
        let rows: Int
        /// The first bar's close time.
        let firstClose: String
        /// Volumes written from `float64` with up to 17 significant digits
        /// (`218102.59507500002`) need a size precision and repair mode, which rounds them.
        var sizePrecision: UInt8? = nil
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "GOOG.csv", spec: "1-DAY", labels: .open, yahoo: false, rows: 2148, firstClose: "2004-08-20T00:00:00.000000000Z"),
        Case(file: "EURUSD_1h.csv", spec: "1-HOUR-MID", labels: .open, yahoo: false, rows: 5000, firstClose: "2017-04-19T10:00:00.000000000Z"),
        Case(file: "BTCUSD_monthly.csv", spec: "1-MONTH", labels: .close, yahoo: false, rows: 156, firstClose: "2012-02-01T00:00:00.000000000Z", sizePrecision: 8),
        Case(file: "GBPUSD_1m_bid_2012-02.csv", spec: "1-MINUTE-BID", labels: .open, yahoo: false, rows: 30117, firstClose: "2012-02-01T00:01:00.000000000Z"),
        Case(file: "BTCPERP_1m_2022-01.csv", spec: "1-MINUTE", labels: .close, yahoo: false, rows: 45031, firstClose: "2021-12-31T23:01:00.000000000Z", sizePrecision: 6),
        Case(file: "6EH4_CME_1m_2024-01.csv", spec: "1-MINUTE", labels: .close, yahoo: false, rows: 29996, firstClose: "2024-01-01T23:01:00.000000000Z"),
        Case(file: "ORCL_daily_1995-2014.csv", spec: "1-DAY", labels: .open, yahoo: true, rows: 5036, firstClose: "1995-01-04T00:00:00.000000000Z"),
        Case(file: "NVDA_daily_1999-2014.csv", spec: "1-DAY", labels: .open, yahoo: true, rows: 4012, firstClose: "1999-01-23T00:00:00.000000000Z"),
        Case(file: "YHOO_daily_1996-2015.csv", spec: "1-DAY", labels: .open, yahoo: true, rows: 4965, firstClose: "1996-04-13T00:00:00.000000000Z"),
    ]

    static func importCase(_ c: Case) throws -> BarImport {
        var options = BarImportOptions(barType: Fixtures.barType("X.TEST", c.spec), labels: c.labels)
        if let sizePrecision = c.sizePrecision {
            options.sizePrecision = sizePrecision
            options.mode = .repair
        }
        return c.yahoo
            ? try YahooImporter.importBars(path: Fixtures.data(c.file), options: options)
            : try BarCSVImporter.importBars(path: Fixtures.data(c.file), options: options)
    }

    @Test(arguments: cases)
    func importsEveryRowExactly(_ c: Case) throws {
        let result = try Self.importCase(c)
        let series = result.series
        #expect(series.count == c.rows)
        #expect(result.report.repairs.allSatisfy { $0.fix == .roundedToTick && $0.issue.column == "volume" })
        #expect(result.report.repairs.isEmpty == (c.sizePrecision == nil))
        #expect(CivilDateTime(UnixNanos(series.timestamps[0])).iso8601 == c.firstClose)
        let rows = try Fixtures.rows(Fixtures.data(c.file))
        #expect(rows.count == c.rows)
        for (i, fields) in rows.enumerated() {
            let bar = series[i]
            let prices = [bar.open, bar.high, bar.low, bar.close]
            for k in 0..<4 { #expect(try Price(parsing: fields[k + 1]) == prices[k], "row \(i) field \(k + 1)") }
            let volumeField = c.yahoo ? 6 : 5
            if fields.count > volumeField {
                #expect(sameDecimal(fields[volumeField], bar.volume.description, scale: Int(bar.volume.precision)), "row \(i) volume")
            } else {
                #expect(bar.volume.isZero)
            }
        }
    }

    @Test(arguments: cases)
    func roundTripsThroughCSVExport(_ c: Case) throws {
        let series = try Self.importCase(c).series
        let csv = BarCSVExporter.csv(series)
        let options = BarImportOptions(barType: series.barType, labels: .close)
        var back = try BarCSVImporter.importBars(data: Data(csv.utf8), fileName: "export.csv", options: options).series
        // The export writes every value at the series' precision, so the re-import has the same precisions.
        #expect(back.pricePrecision == series.pricePrecision)
        #expect(back == series)
        back = try BarCSVImporter.importBars(data: Data(csv.utf8), fileName: "export.csv", options: options).series
        #expect(back.bars == series.bars)
    }

    @Test func yahooAdjustmentScalesByAdjustedClose() throws {
        let options = BarImportOptions(barType: Fixtures.barType("ORCL.NASDAQ", "1-DAY"), labels: .open)
        let raw = try YahooImporter.importBars(path: Fixtures.data("ORCL_daily_1995-2014.csv"), options: options).series
        let adjusted = try YahooImporter.importBars(path: Fixtures.data("ORCL_daily_1995-2014.csv"), adjust: true, options: options).series
        // First row: 1995-01-03,2.179012,2.191358,2.117284,2.117284,1.883304 — factor 1.883304 / 2.117284.
        // open: 2.179012 × 1.883304 / 2.117284 = 1.93821046947… (Python decimal) → 1.938210.
        // high: 2.191358 × 1.883304 / 2.117284 = 1.94919211916… → 1.949192.
        #expect(adjusted[0].open == (try Price(parsing: "1.938210")))
        #expect(adjusted[0].high == (try Price(parsing: "1.949192")))
        #expect(adjusted[0].close == (try Price(parsing: "1.883304")))
        #expect(adjusted[0].low == (try Price(parsing: "1.883304")))
        #expect(adjusted.volumes == raw.volumes)
        for i in 0..<adjusted.count {
            #expect(adjusted.lows[i] <= min(adjusted.opens[i], adjusted.closes[i]))
            #expect(adjusted.highs[i] >= max(adjusted.opens[i], adjusted.closes[i]))
        }
    }

    @Test func quoteTicksImport() throws {
        let id = try InstrumentID("USD/JPY.TRUEFX")
        let result = try TickCSVImporter.importQuotes(path: Fixtures.data("USDJPY_ticks_2013-01.csv"), instrumentID: id)
        #expect(result.ticks.count == 1000)
        let rows = try Fixtures.rows(Fixtures.data("USDJPY_ticks_2013-01.csv"))
        for (i, fields) in rows.enumerated() {
            #expect(try Price(parsing: fields[1]) == result.ticks[i].bid)
            #expect(try Price(parsing: fields[2]) == result.ticks[i].ask)
        }
        #expect(CivilDateTime(result.ticks[0].tsEvent).iso8601 == "2013-01-01T22:00:00.295000000Z")
    }

    struct WideCase: Sendable {
        let file: String
        let spec: String
        let columns: Int
        let cells: Int
        let tick: String?
    }

    @Test(arguments: [
        WideCase(file: "spy_prices.csv", spec: "1-DAY", columns: 1, cells: 6765, tick: "0.000001"),
        WideCase(file: "stock_prices_20.csv", spec: "1-DAY", columns: 20, cells: 7126 * 20 - 35589, tick: nil),
        WideCase(file: "stocks_monthly_10.csv", spec: "1-MONTH", columns: 10, cells: 524 * 10 - 1915, tick: "0.000001"),
    ])
    func wideCloseTablesImportPerColumn(_ c: WideCase) throws {
        var options = BarImportOptions(barType: Fixtures.barType("X.TEST", c.spec), labels: .open)
        if let tick = c.tick {
            options.tickSize = try Price(parsing: tick)
            options.mode = .repair
        }
        let result = try WideCloseTableImporter.importTable(path: Fixtures.data(c.file), options: options) {
            try InstrumentID(symbol: Symbol($0), venue: Venue("YAHOO"))
        }
        #expect(result.series.count == c.columns)
        #expect(result.series.map(\.count).reduce(0, +) == c.cells)
        let rows = try Fixtures.rows(Fixtures.data(c.file), skipping: c.file.hasPrefix("stocks_monthly") ? 2 : 1)
        for (k, series) in result.series.enumerated() {
            let cells = rows.map { $0[k + 1] }.filter { !$0.isEmpty }
            #expect(cells.count == series.count)
            for (i, cell) in cells.enumerated() {
                #expect(sameDecimal(cell, series[i].close.description, scale: Int(series.pricePrecision)), "\(c.file) column \(k + 1) row \(i)")
            }
            #expect(series.opens == series.closes && series.highs == series.closes && series.lows == series.closes)
            let csv = BarCSVExporter.csv(series)
            let back = try BarCSVImporter.importBars(
                data: Data(csv.utf8), fileName: "export.csv", options: BarImportOptions(barType: series.barType, labels: .close)
            ).series
            #expect(back == series)
        }
        if c.tick != nil {
            // Every cell with more than 6 decimals was rounded, and said so.
            #expect(!result.report.repairs.isEmpty)
            #expect(result.report.repairs.allSatisfy { $0.fix == .roundedToTick })
        }
    }
}

/// Whether `text` rounded half-even to `scale` decimals (Foundation's `Decimal`, an
/// independent exact implementation) equals `expected`.
func sameDecimal(_ text: Substring, _ expected: String, scale: Int) -> Bool {
    guard var value = Decimal(string: String(text)), let want = Decimal(string: expected) else { return false }
    var rounded = Decimal()
    NSDecimalRound(&rounded, &value, scale, .bankers)
    return rounded == want
}
