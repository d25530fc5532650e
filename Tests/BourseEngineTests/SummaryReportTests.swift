import BourseCore
import BourseEngine
import BourseStrategies
import Testing

@Suite struct SummaryReportTests {
    /// The demo's "Period" line names the first and last bars by their labels (open dates):
    /// the daily bar labelled 2013-03-01 closes at 2013-03-02 00:00 UTC but is shown as 2013-03-01.
    @Test func periodShowsBarDatesNotCloseTimes() throws {
        let result = try Backtest.run(SMACross.self, parameters: ["fast=10", "slow=20"], config: Fixtures.googConfig())
        #expect(result.metrics.startTime == "2004-08-19T00:00:00.000000000Z")
        #expect(result.metrics.endTime == "2013-03-02T00:00:00.000000000Z")
        let period = try #require(BacktestReport.summaryRows(result).first { $0.0 == "Period" })
        #expect(period.1 == "2004-08-19 … 2013-03-01 (2148 bars)")
    }

    /// Intraday: the last bar closing at 10:05 is on the same day.
    @Test func periodOfIntradayBarsEndsOnTheLastBarsDay() throws {
        var config = try Fixtures.googConfig()
        let start = try CivilDateTime(year: 2024, month: 3, day: 4, hour: 9, minute: 30).unixNanos
        config.bars = [try Bars.minuteSeries(count: 10, start: start)]
        config.instruments = [Bars.instrument]
        let result = try Backtest.run(Scripted.self, config: config)
        let period = try #require(BacktestReport.summaryRows(result).first { $0.0 == "Period" })
        #expect(period.1 == "2024-03-04 … 2024-03-04 (10 bars)")
        #expect(result.metrics.startTime == "2024-03-04T09:30:00.000000000Z")
    }
}
