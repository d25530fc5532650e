import BourseCore
import BourseData
import BourseEngine
import BourseIndicators
import Testing

/// A strategy subscribing to bar types the data does not have: the data engine builds them.
@Suite struct OnTheFlyAggregationTests {
    static let fiveMinutes = BarType(instrumentID: Bars.instrument.id, spec: try! BarSpec("5-MINUTE-LAST"))
    static let oneMinute = BarType(instrumentID: Bars.instrument.id, spec: .oneMinute)
    static let open = try! CivilDateTime(year: 2024, month: 3, day: 4, hour: 9, minute: 30).unixNanos

    /// Records every bar it receives; subscribes to `subscribe` at start, and to `later` after
    /// `laterAfter` bars.
    struct Recorder: Strategy {
        static let name = "recorder"
        static let summary = "records bars"
        static let parameters: [ParameterSpec] = []
        var subscribe: [BarType] = []
        var later: BarType?
        var laterAfter = 0
        var registerAverage = false
        private var average: IndicatorRef<SMA>?
        private(set) var bars: [Bar] = []
        private(set) var averages: [Double] = []
        /// ``StrategyContext/currentBarTypeIndex`` at each bar.
        private(set) var barTypeIndices: [Int] = []
        /// ``StrategyContext/barTypeIndex(_:)`` of each subscribed bar type, asked at start.
        private(set) var startIndices: [Int] = []

        init(parameters: ParameterValues) {}
        init(subscribe: [BarType], later: BarType? = nil, laterAfter: Int = 0) {
            self.subscribe = subscribe
            self.later = later
            self.laterAfter = laterAfter
        }

        mutating func onStart(_ context: StrategyContext) throws {
            for barType in subscribe { context.subscribe(bars: barType) }
            startIndices = subscribe.map(context.barTypeIndex)
            if registerAverage { average = context.register(try SMA(period: 2), on: OnTheFlyAggregationTests.fiveMinutes) }
        }

        mutating func onBar(_ bar: Bar, _ context: StrategyContext) throws {
            bars.append(bar)
            barTypeIndices.append(context.currentBarTypeIndex)
            if let average, average.isReady, bar.barType == OnTheFlyAggregationTests.fiveMinutes { averages.append(average.value) }
            if let later, bars.count == laterAfter { context.subscribe(bars: later) }
        }
    }

    static func config(minutes: Int = 12) throws -> BacktestConfig {
        try BacktestConfig(
            instruments: [Bars.instrument], bars: [Bars.minuteSeries(count: minutes, start: open)],
            startingCash: Money(parsing: "10000", .USD))
    }

    static func run(_ strategy: Recorder, _ config: BacktestConfig) throws -> Kernel<Recorder, PassThroughRiskEngine, BacktestSimulatedVenue> {
        let kernel = try Backtest.makeKernel(strategy: strategy, risk: PassThroughRiskEngine(), config: config)
        try kernel.run()
        return kernel
    }

    static func text(_ bar: Bar) -> String {
        "\(CivilDateTime(bar.tsEvent).iso8601.dropFirst(11).prefix(5)) \(bar.open) \(bar.high) \(bar.low) \(bar.close) \(bar.volume)"
    }

    /// Minute bar i opens at 100 + i, high +2, low −1, closes +1, volume 10 + i: the 5-minute bars are
    /// worked out by hand, the last one (09:40–09:45) from the two minutes the data has.
    @Test func fiveMinuteBarsAreBuiltFromOneMinuteData() throws {
        let kernel = try Self.run(Recorder(subscribe: [Self.fiveMinutes]), Self.config())
        #expect(kernel.strategy.bars.map(Self.text) == [
            "09:35 100.00 106.00 99.00 105.00 60", "09:40 105.00 111.00 104.00 110.00 85", "09:45 110.00 113.00 109.00 112.00 41",
        ])
        #expect(kernel.strategy.bars.allSatisfy { $0.barType == Self.fiveMinutes })
        // The minute data still drives marks and the equity curve (one point per minute).
        #expect(kernel.portfolio.curve.count == 12)
    }

    /// A 5-minute bar comes right after the minute bar that completes it.
    @Test func aggregatedBarFollowsTheBarThatCompletesIt() throws {
        let kernel = try Self.run(Recorder(subscribe: [Self.oneMinute, Self.fiveMinutes]), Self.config(minutes: 6))
        let order = kernel.strategy.bars.map { "\($0.barType.spec.step)m \(CivilDateTime($0.tsEvent).iso8601.dropFirst(11).prefix(5))" }
        #expect(order == ["1m 09:31", "1m 09:32", "1m 09:33", "1m 09:34", "1m 09:35", "5m 09:35", "1m 09:36", "5m 09:40"])
    }

    /// The bar type index of each delivered bar: the data's bar type is the first available one
    /// (0), the aggregated type gets the next index, the same one the strategy was given at start.
    @Test func currentBarTypeIndexNamesTheDeliveredBarType() throws {
        let kernel = try Self.run(Recorder(subscribe: [Self.fiveMinutes, Self.oneMinute]), Self.config(minutes: 6))
        #expect(kernel.strategy.startIndices == [1, 0])
        let expected = kernel.strategy.bars.map { $0.barType == Self.oneMinute ? 0 : 1 }
        #expect(kernel.strategy.barTypeIndices == expected)
        #expect(Set(expected) == [0, 1])
    }

    /// Indicators registered on an aggregated bar type see its bars before the strategy does.
    @Test func indicatorsOnAggregatedBarsAreUpdated() throws {
        var strategy = Recorder(subscribe: [Self.fiveMinutes])
        strategy.registerAverage = true
        let kernel = try Self.run(strategy, Self.config())
        #expect(kernel.strategy.averages == [(105.0 + 110.0) / 2, (110.0 + 112.0) / 2])
    }

    /// A subscription made during the run gets the bars that close from then on.
    @Test func midRunSubscriptionGetsOnlyBarsToCome() throws {
        let kernel = try Self.run(Recorder(subscribe: [Self.oneMinute], later: Self.fiveMinutes, laterAfter: 6), Self.config())
        let fives = kernel.strategy.bars.filter { $0.barType == Self.fiveMinutes }.map(Self.text)
        #expect(fives == ["09:40 105.00 111.00 104.00 110.00 85", "09:45 110.00 113.00 109.00 112.00 41"])
    }

    @Test(arguments: ["90-SECOND-LAST", "1-MINUTE-BID"])
    func barTypeThatCannotBeBuiltIsAClearError(spec: String) throws {
        let target = BarType(instrumentID: Bars.instrument.id, spec: try BarSpec(spec))
        #expect {
            try Self.run(Recorder(subscribe: [target]), Self.config())
        } throws: { error in
            guard case EngineError.configuration(let message) = error else { return false }
            return message.contains("no data for") && message.contains("1-MINUTE-LAST")
        }
    }
}
