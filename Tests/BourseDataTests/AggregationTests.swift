import BourseCore
@testable import BourseData
import Testing

struct AggregationTests {
    static func minute(_ m: Int) -> Int64 { Int64(m) * Nanoseconds.perMinute }

    /// Hand-computed: five 1-minute bars 10:00–10:05 and two of the next interval.
    @Test func oneMinuteToFiveMinutesByHand() throws {
        var series = BarSeries(barType: Fixtures.barType("X.SIM", "1-MINUTE"), pricePrecision: 2, sizePrecision: 0)
        let rows: [(Int, Int64, Int64, Int64, Int64, Int64)] = [
            (601, 100, 105, 99, 104, 10), (602, 104, 106, 103, 103, 20), (603, 103, 103, 97, 98, 5),
            (604, 98, 101, 98, 100, 1), (605, 100, 102, 100, 101, 4), (606, 101, 110, 101, 109, 7), (607, 109, 109, 90, 95, 3),
        ]
        for r in rows { series.appendRaw(timestamp: Self.minute(r.0), open: r.1, high: r.2, low: r.3, close: r.4, volume: r.5) }
        let five = try BarResampler.resample(series, to: BarSpec("5-MINUTE"))
        #expect(five.timestamps == [Self.minute(605), Self.minute(610)])
        #expect(five.opens == [100, 101])
        #expect(five.highs == [106, 110])
        #expect(five.lows == [97, 90])
        #expect(five.closes == [101, 95])
        #expect(five.volumes == [40, 10])
        // Streaming: the 10:05 bar is complete as soon as the 10:04–10:05 input arrives.
        var resampler = try BarResampler(
            target: five.barType, inputSpec: series.barType.spec, pricePrecision: 2, sizePrecision: 0)
        var emittedAt: [Int] = []
        for i in 0..<series.count where !(try resampler.update(series[i])).isEmpty { emittedAt.append(i) }
        #expect(emittedAt == [4])
        #expect(throws: AggregationError.self) { try BarResampler.resample(five, to: BarSpec("7-MINUTE")) }
    }

    /// 1m → 1d on the real GBPUSD file against a direct per-day computation.
    @Test func oneMinuteToDayMatchesADirectComputationOnRealData() throws {
        let options = BarImportOptions(barType: Fixtures.barType("GBP/USD.FXCM", "1-MINUTE-BID"), labels: .open)
        let minutes = try BarCSVImporter.importBars(path: Fixtures.data("GBPUSD_1m_bid_2012-02.csv"), options: options).series
        let viaHour = try BarResampler.resample(
            BarResampler.resample(BarResampler.resample(minutes, to: BarSpec("5-MINUTE-BID")), to: BarSpec("1-HOUR-BID")),
            to: BarSpec("1-DAY-BID"))
        let direct = try BarResampler.resample(minutes, to: BarSpec("1-DAY-BID"))
        #expect(viaHour == direct)
        // Direct: group rows by the UTC date of their open time (tsEvent − 1 minute).
        var days: [String] = []
        var expected: [String: (o: Int64, h: Int64, l: Int64, c: Int64)] = [:]
        for i in 0..<minutes.count {
            let date = CivilDateTime(UnixNanos(minutes.timestamps[i] - Nanoseconds.perMinute)).isoDate
            if let d = expected[date] {
                expected[date] = (d.o, max(d.h, minutes.highs[i]), min(d.l, minutes.lows[i]), minutes.closes[i])
            } else {
                days.append(date)
                expected[date] = (minutes.opens[i], minutes.highs[i], minutes.lows[i], minutes.closes[i])
            }
        }
        #expect(direct.count == days.count)
        // 21 weekdays of February 2012, 4 Sunday evenings (FX reopens ~22:00 UTC) and the 2012-03-01 00:00 bar.
        #expect(days.count == 26)
        for (k, date) in days.enumerated() {
            let e = try #require(expected[date])
            #expect(CivilDateTime(UnixNanos(direct.timestamps[k] - Nanoseconds.perDay)).isoDate == date)
            #expect((direct.opens[k], direct.highs[k], direct.lows[k], direct.closes[k]) == (e.o, e.h, e.l, e.c), "\(date)")
        }
    }

    static func trades(_ items: [(Int64, String, String)]) throws -> [TradeTick] {
        let id = try InstrumentID("BTCUSDT.BINANCE")
        return try items.map { t in
            TradeTick(instrumentID: id, price: try Price(parsing: t.1), size: try Quantity(parsing: t.2), tsEvent: UnixNanos(t.0))
        }
    }

    @Test func tradesToTimeTickVolumeAndValueBarsByHand() throws {
        let s = Nanoseconds.perSecond
        let trades = try Self.trades([
            (0, "10.0", "1.0"), (s / 2, "11.0", "2.0"), (s, "9.0", "1.5"), (3 * s / 2, "10.5", "0.5"), (3 * s, "12.0", "4.0"),
        ])
        let time = try TradeBarAggregator.aggregate(trades, barType: Fixtures.barType("BTCUSDT.BINANCE", "1-SECOND"), pricePrecision: 1, sizePrecision: 1)
        #expect(time.timestamps == [s, 2 * s, 4 * s])
        #expect(time.opens == [100, 90, 120])
        #expect(time.highs == [110, 105, 120])
        #expect(time.lows == [100, 90, 120])
        #expect(time.volumes == [30, 20, 40])
        let ticks = try TradeBarAggregator.aggregate(trades, barType: Fixtures.barType("BTCUSDT.BINANCE", "2-TICK"), pricePrecision: 1, sizePrecision: 1)
        #expect(ticks.closes == [110, 105, 120])
        #expect(ticks.timestamps == [s / 2, 3 * s / 2, 3 * s])
        // Volume 3: 1.0 + 2.0 = 3.0 closes bar 1; 1.5 + 0.5 + 4.0 = 6.0 closes bar 2.
        let volume = try TradeBarAggregator.aggregate(trades, barType: Fixtures.barType("BTCUSDT.BINANCE", "3-VOLUME"), pricePrecision: 1, sizePrecision: 1)
        #expect(volume.volumes == [30, 60])
        #expect(volume.timestamps == [s / 2, 3 * s])
        // Value 25: 10 + 22 = 32 ≥ 25; then 13.5 + 5.25 = 18.75, + 48 = 66.75 ≥ 25.
        let value = try TradeBarAggregator.aggregate(trades, barType: Fixtures.barType("BTCUSDT.BINANCE", "25-VALUE"), pricePrecision: 1, sizePrecision: 1)
        #expect(value.timestamps == [s / 2, 3 * s])
        #expect(value.opens == [100, 90])
    }
}

/// Month bars: calendar buckets, checked against grouping the file's own date text.
struct MonthAggregationTests {
    static func goog() throws -> BarSeries {
        let options = BarImportOptions(barType: Fixtures.barType("GOOG.NASDAQ", "1-DAY"), labels: .open)
        return try BarCSVImporter.importBars(path: Fixtures.data("GOOG.csv"), options: options).series
    }

    @Test func dailyToMonthlyMatchesGroupingByTheDateText() throws {
        let days = try Self.goog()
        let months = try BarResampler.resample(days, to: BarSpec("1-MONTH"))
        // Independent reading: group the CSV rows by their "YYYY-MM" prefix.
        let rows = try Fixtures.rows(Fixtures.data("GOOG.csv"))
        var groups: [(key: Substring, rows: [[Substring]])] = []
        for row in rows {
            let key = row[0].prefix(7)
            if groups.last?.key == key { groups[groups.count - 1].rows.append(row) } else { groups.append((key, [row])) }
        }
        #expect(months.count == groups.count)
        for (k, group) in groups.enumerated() {
            let bar = months[k]
            let prices = { (column: Int) in group.rows.map { try! Price(parsing: $0[column]) } }  // fixture text is numeric
            #expect(bar.open == prices(1).first, "\(group.key)")
            #expect(bar.high == prices(2).max(), "\(group.key)")
            #expect(bar.low == prices(3).min(), "\(group.key)")
            #expect(bar.close == prices(4).last, "\(group.key)")
            #expect(bar.volume.raw == group.rows.reduce(0) { $0 + Int64($1[5])! }, "\(group.key)")
            // Closes at midnight UTC on the first day of the next month.
            let close = CivilDateTime(bar.tsEvent)
            let (y, m) = (Int(group.key.prefix(4))!, Int(group.key.suffix(2))!)
            #expect((close.year, close.month, close.day, close.hour) == (m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1, 0), "\(group.key)")
        }
    }

    @Test func quartersFromMonthsEqualQuartersFromDays() throws {
        let days = try Self.goog()
        let viaMonths = try BarResampler.resample(BarResampler.resample(days, to: BarSpec("1-MONTH")), to: BarSpec("3-MONTH"))
        let direct = try BarResampler.resample(days, to: BarSpec("3-MONTH"))
        #expect(viaMonths == direct)
        // 2004-08-19 … 2013-03-01: Q3 2004 … Q1 2013, 35 quarters; the first closes 2004-10-01.
        #expect(direct.count == 35)
        #expect(CivilDateTime(UnixNanos(direct.timestamps[0])).isoDate == "2004-10-01")
        #expect(throws: AggregationError.self) { try BarResampler.resample(days, to: BarSpec("2-MONTH-BID")) }
        let weeks = try BarResampler.resample(days, to: BarSpec("1-WEEK"))
        #expect(throws: AggregationError.self) { try BarResampler.resample(weeks, to: BarSpec("1-MONTH")) }
    }
}
