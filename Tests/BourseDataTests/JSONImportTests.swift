import BourseCore
@testable import BourseData
import Testing

/// Alpaca bars pages and Binance klines JSON (hand-written fixtures in the documented
/// response shapes, `Tests/Fixtures/json/README.md`) import exactly.
struct JSONImportTests {
    @Test func alpacaPagesImportAsOneSeriesExactly() throws {
        let options = BarImportOptions(barType: Fixtures.barType("AAPL.XNAS", "1-DAY"), labels: .open)
        let result = try BarImportFormat.alpaca.importBars(
            paths: [Fixtures.json("alpaca_AAPL_1Day_page1.json"), Fixtures.json("alpaca_AAPL_1Day_page2.json")], options: options)
        let series = result.series
        #expect(series.count == 5)
        #expect(series.pricePrecision == 4)  // 183.0872 has the most decimals
        // `t` is the open time (midnight New York = 05:00 UTC); the close is a day later.
        #expect(series.timestamps.map { CivilDateTime(UnixNanos($0)).iso8601 } == [
            "2024-01-03T05:00:00.000000000Z", "2024-01-04T05:00:00.000000000Z", "2024-01-05T05:00:00.000000000Z",
            "2024-01-06T05:00:00.000000000Z", "2024-01-09T05:00:00.000000000Z",
        ])
        #expect(series.opens == [1_871_500, 1_842_200, 1_821_500, 1_819_900, 1_820_850])
        #expect(series.highs == [1_884_400, 1_858_800, 1_830_872, 1_827_600, 1_856_000])
        #expect(series.lows == [1_838_850, 1_834_300, 1_808_800, 1_801_700, 1_815_000])
        #expect(series.closes == [1_856_400, 1_842_500, 1_819_100, 1_811_800, 1_855_600])
        #expect(series.volumes == [82_488_674, 58_414_460, 71_983_570, 62_303_300, 59_144_470])
        // The weekend between the 4th and the 5th bar is a gap, reported, not fatal.
        #expect(result.report.warnings.map(\.kind) == [.gap])
    }

    @Test func binanceKlinesJSONImportsExactly() throws {
        let options = BarImportOptions(barType: Fixtures.barType("BTCUSDT.BINANCE", "1-HOUR"), labels: .open)
        let series = try BarImportFormat.binanceJSON.importBars(paths: [Fixtures.json("binance_BTCUSDT_1h_klines.json")], options: options)
            .series
        #expect(series.count == 4)
        #expect(series.pricePrecision == 8)
        #expect(series.sizePrecision == 8)
        #expect(series.timestamps[0] == 1_704_070_800 * Nanoseconds.perSecond)  // open 2024-01-01T00:00Z + 1 h
        #expect(series.opens[0] == 4_228_358_000_000)  // "42283.58000000" at 8 decimals
        #expect(series.lows[2] == 4_250_000_000_000)  // "42500.00000000"
        #expect(series.volumes == [127_168_108_000, 119_637_856_000, 68_521_627_000, 79_480_391_000])
    }

    @Test func truncatedJSONNamesTheLine() throws {
        let options = BarImportOptions(barType: Fixtures.barType("BTCUSDT.BINANCE", "1-HOUR"), labels: .open)
        let error = #expect(throws: DataImportError.self) {
            try BinanceKlinesImporter.importJSON(path: Fixtures.json("binance_truncated.json"), options: options)
        }
        let issue = try #require(error?.firstIssue)
        #expect(issue.kind == .badJSON)
        #expect(issue.file == "binance_truncated.json")
        #expect(issue.line == 4)
    }

    @Test func alpacaWantsItsPagesButOtherFormatsOneFile() {
        let options = BarImportOptions(barType: Fixtures.barType("AAPL.XNAS", "1-DAY"), labels: .open)
        #expect(throws: DataImportError.self) {
            try BarImportFormat.generic.importBars(paths: [Fixtures.data("GOOG.csv"), Fixtures.data("GOOG.csv")], options: options)
        }
    }
}
