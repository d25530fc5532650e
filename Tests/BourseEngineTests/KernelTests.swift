import BourseCore
import BourseData
import BourseEngine
import BourseRisk
import OrderedCollections
import Testing

@Suite struct KernelTests {
    static func run<S: Strategy, R: RiskGate>(
        _ strategy: S, risk: R, _ config: BacktestConfig
    ) throws -> Kernel<S, R, BacktestSimulatedVenue> {
        let kernel = try Backtest.makeKernel(strategy: strategy, risk: risk, config: config)
        try kernel.run()
        return kernel
    }

    @Test func marketOrderFillsAtNextOpenAndMarksEquityAtClose() throws {
        let rows = [("100.00", "101.00", "99.00", "100.00"), ("102.00", "111.00", "101.00", "110.00"), ("110.00", "112.00", "108.00", "111.00")]
        let strategy = Scripted { bar, i, context in
            if i == 0 { context.submit(try context.market(bar.instrumentID, .buy, quantity: Quantity(parsing: "10"))) }
        }
        let kernel = try Self.run(strategy, risk: PassThroughRiskEngine(), Bars.config(rows))
        #expect(kernel.fills.count == 1)
        #expect(kernel.fills[0].lastPrice == (try Price(parsing: "102.00")))
        // Filled at the second bar's open time (2024-01-02 00:00).
        #expect(kernel.fills[0].tsEvent == (try CivilDateTime(year: 2024, month: 1, day: 2).unixNanos))
        // cash 10000 − 1020 = 8980; position 10 × 111 = 1110 → equity 10090.
        #expect(kernel.portfolio.cash == (try Money(parsing: "8980", .USD)))
        #expect(kernel.portfolio.equity == (try Money(parsing: "10090", .USD)))
        #expect(kernel.portfolio.exposure == (try Money(parsing: "1110", .USD)))
        #expect((0..<kernel.portfolio.curve.count).map { kernel.portfolio.curve.equity($0) / 100 } == [10000, 10080, 10090])
        #expect(kernel.strategy.orderEvents.map(\.kind) == [.submitted, .accepted, .filled])
        #expect(kernel.strategy.positionEvents.map(\.kind) == [.opened])
    }

    @Test func closeFillTimingFillsAtTheSignalBarsClose() throws {
        let rows = [("100.00", "101.00", "99.00", "100.00"), ("102.00", "111.00", "101.00", "110.00"), ("110.00", "112.00", "108.00", "111.00")]
        let strategy = Scripted { bar, i, context in
            if i == 0 { context.submit(try context.market(bar.instrumentID, .buy, quantity: Quantity(parsing: "10"))) }
            if i == 1 {
                try context.closePosition(bar.instrumentID)
                context.submitMarket(bar.instrumentID, .sell, sizing: .allAvailableFunds)
            }
        }
        var config = try Bars.config(rows)
        config.fillTiming = .currentBarClose
        let kernel = try Self.run(strategy, risk: PassThroughRiskEngine(), config)
        // Bar 0 closes 2024-01-02 00:00 at 100; bar 1 closes 2024-01-03 00:00 at 110.
        #expect(kernel.fills.map(\.lastPrice.description) == ["100.00", "110.00", "110.00"])
        #expect(kernel.fills.map(\.tsEvent) == [
            try CivilDateTime(year: 2024, month: 1, day: 2).unixNanos, try CivilDateTime(year: 2024, month: 1, day: 3).unixNanos,
            try CivilDateTime(year: 2024, month: 1, day: 3).unixNanos,
        ])
        // Sold 10 at 110 (cash 10,100), then short floor(10,100 / 110) = 91.
        #expect(kernel.portfolio.positions[0].signedQuantityRaw == -91)
    }

    @Test func failingRiskEngineDeniesWithoutFill() throws {
        let strategy = Scripted { bar, i, context in
            if i == 0 {
                context.submit(try context.market(bar.instrumentID, .buy, quantity: Quantity(parsing: "1")))
                context.submit(try context.limit(bar.instrumentID, .buy, quantity: Quantity(parsing: "1"), price: Price(parsing: "99.50")))
            }
        }
        let kernel = try Self.run(strategy, risk: FailingRisk(), Bars.config(Bars.flat))
        #expect(kernel.fills.isEmpty)
        #expect(kernel.orders.all.map(\.status) == [.denied, .denied])
        #expect(kernel.portfolio.equity == (try Money(parsing: "10000", .USD)))
    }

    @Test func cashAccountRefusesShortSale() throws {
        var config = try Bars.config(Bars.flat)
        config.accountKind = .cash
        let strategy = Scripted { bar, i, context in
            if i == 0 { context.submit(try context.market(bar.instrumentID, .sell, quantity: Quantity(parsing: "1"))) }
        }
        let kernel = try Self.run(strategy, risk: PassThroughRiskEngine(), config)
        #expect(kernel.fills.isEmpty)
        #expect(kernel.orders.all.first?.status == .denied)
        guard case .denied(let denied) = kernel.strategy.orderEvents.first else {
            Issue.record("expected OrderDenied, got \(kernel.strategy.orderEvents)")
            return
        }
        #expect(denied.reason.contains("cannot sell short"))
    }

    @Test func marginAccountAtLeverageOneShortsWithinEquity() throws {
        let strategy = Scripted { bar, i, context in
            if i == 0 { context.submitMarket(bar.instrumentID, .sell, sizing: .allAvailableFunds) }
        }
        var config = try Bars.config(Bars.flat)
        config.commissionRate = try Rate(parsing: "0.01")
        let kernel = try Self.run(strategy, risk: PassThroughRiskEngine(), config)
        // floor(10000 / (100 × 1.01)) = 99 shares.
        #expect(kernel.portfolio.positions[0].signedQuantityRaw == -99)
        #expect(kernel.portfolio.cash == (try Money(parsing: "19801", .USD)))  // 10000 + 9900 − 99
    }

    @Test func bracketReleasesChildrenAndTakeProfitCancelsStop() throws {
        let rows = [
            ("100.00", "101.00", "99.00", "100.00"), ("100.00", "101.00", "99.50", "100.50"),
            ("100.50", "106.00", "100.00", "105.50"), ("105.00", "106.00", "104.00", "105.00"),
        ]
        let strategy = Scripted { bar, i, context in
            if i == 0 {
                context.submit(try context.bracket(
                    bar.instrumentID, .buy, quantity: Quantity(parsing: "10"), takeProfit: Price(parsing: "105.00"),
                    stopLoss: Price(parsing: "95.00")))
            }
        }
        let kernel = try Self.run(strategy, risk: PassThroughRiskEngine(), Bars.config(rows))
        #expect(kernel.fills.map(\.lastPrice.description) == ["100.00", "105.00"])
        let statuses = kernel.orders.all.map(\.status)
        #expect(statuses == [.filled, .filled, .canceled])  // entry, take-profit, stop-loss
        #expect(kernel.trades.count == 1)
        #expect(kernel.trades[0].pnl == (try Money(parsing: "50", .USD)))
        // Best seen while open: the exit at 105 (the bar's 106 high came after the fill on its path).
        #expect(kernel.trades[0].mfe == 50)
    }

    @Test func stopGappedThroughFillsAtOpen() throws {
        let rows = [("100.00", "101.00", "99.00", "100.00"), ("100.00", "101.00", "99.00", "100.00"), ("90.00", "91.00", "89.00", "90.00")]
        let strategy = Scripted { bar, i, context in
            if i == 0 {
                context.submit(try context.market(bar.instrumentID, .buy, quantity: Quantity(parsing: "1")))
                context.submit(try context.stopMarket(bar.instrumentID, .sell, quantity: Quantity(parsing: "1"), triggerPrice: Price(parsing: "95.00")))
            }
        }
        let kernel = try Self.run(strategy, risk: PassThroughRiskEngine(), Bars.config(rows))
        #expect(kernel.fills.map(\.lastPrice.description) == ["100.00", "90.00"])
    }

    @Test func modifyAndCancelWorkingOrders() throws {
        var limitID: ClientOrderID?
        let strategy = Scripted { bar, i, context in
            switch i {
            case 0:
                let order = try context.limit(bar.instrumentID, .buy, quantity: Quantity(parsing: "1"), price: Price(parsing: "90.00"))
                limitID = order.clientOrderID
                context.submit(order)
            case 1: if let limitID { context.modify(limitID, price: try Price(parsing: "91.00")) }
            case 2: if let limitID { context.cancel(limitID) }
            default: break
            }
        }
        let kernel = try Self.run(strategy, risk: PassThroughRiskEngine(), Bars.config(Bars.flat))
        #expect(kernel.strategy.orderEvents.map(\.kind) == [.submitted, .accepted, .pendingUpdate, .updated, .pendingCancel, .canceled])
        #expect(kernel.orders.all.first?.price == (try Price(parsing: "91.00")))
        #expect(kernel.fills.isEmpty)
    }

    @Test func timersFireBeforeDataAtTheSameTime() throws {
        var strategy = Scripted { _, _, _ in }
        strategy.start = { context in
            for barType in context.availableBarTypes { context.subscribe(bars: barType) }
            try context.setTimer(name: "daily", interval: .days(1))
        }
        let kernel = try Self.run(strategy, risk: PassThroughRiskEngine(), Bars.config(Bars.flat))
        #expect(kernel.strategy.barCount == 5)
        // The clock starts at the first bar's time; ticks at +1…+4 days (the last bar's time included).
        #expect(kernel.strategy.timerEvents.count == 4)
    }

    @Test func dataEngineMergesStreamsInTimeOrderWithStableTies() throws {
        let other = try Instrument.equity("OTHER.SIM")
        var engine = DataEngine()
        try engine.add(.bars(Bars.series(Bars.flat)))
        try engine.add(.bars(Bars.series(Array(Bars.flat.prefix(3)), instrument: other)))
        var order: [Int] = []
        while let (stream, _) = engine.next() { order.append(stream) }
        #expect(order == [0, 1, 0, 1, 0, 1, 0, 0])
    }

    @Test func dataEngineRejectsUnsortedStream() throws {
        let a = try Bars.series(Bars.flat)
        let bars = a.bars.reversed()
        let reversed = try BarSeries(barType: a.barType, bars: bars, pricePrecision: 2, sizePrecision: 0)
        var engine = DataEngine()
        #expect(throws: EngineError.self) { try engine.add(.bars(reversed)) }
    }

    @Test(arguments: [
        (CommissionModel.Rounding.carry, ["0.01", "0.01", "0.00", "0.01"]),
        (CommissionModel.Rounding.perFill(.halfEven), ["0.01", "0.01", "0.01", "0.01"]),
    ])
    func commissionRounding(rounding: CommissionModel.Rounding, expected: [String]) throws {
        // 0.1 % of 7.50 = 0.0075 per fill; exact running totals 0.0075, 0.015, 0.0225, 0.03 round
        // half-even to 1, 2, 2, 3 cents: carried fees 1, 1, 0, 1 cents.
        let model = CommissionModel(rate: try Rate(parsing: "0.001"), rounding: rounding)
        let fees = (0..<4).map { _ in Money(uncheckedRaw: model.commission(notionalRaw: 750), currency: .USD).amountText }
        #expect(fees == expected)
    }

    @Test func messageBusDeliversInSubscriptionOrder() {
        let bus = MessageBus()
        let topic = bus.topic(of: Int.self)
        var seen: [String] = []
        bus.subscribe(topic) { seen.append("a\($0)") }
        bus.subscribe(topic) { seen.append("b\($0)") }
        bus.publish(1, on: topic)
        let endpoint = bus.endpoint(String.self, Int.self)
        #expect(bus.request("x", to: endpoint) == nil)
        bus.register(endpoint) { $0.count }
        #expect(bus.request("four", to: endpoint) == 4)
        #expect(seen == ["a1", "b1"])
    }

    @Test func parametersAreCheckedAgainstDeclarations() throws {
        let specs: [ParameterSpec] = [.integer("fast", default: 10, range: 1...100, "fast"), .decimal("k", default: 2, "k")]
        let values = try ParameterValues(specs, overrides: ["fast=12"])
        #expect(values.integer("fast") == 12)
        #expect(values.decimal("k") == 2)
        #expect(throws: ParameterError.outOfRange("fast", "500", 1...100)) { try ParameterValues(specs, overrides: ["fast=500"]) }
        #expect(throws: ParameterError.self) { try ParameterValues(specs, overrides: ["slow=3"]) }
        #expect(throws: ParameterError.malformed("fast")) { try ParameterValues(specs, overrides: ["fast"]) }
    }
}
