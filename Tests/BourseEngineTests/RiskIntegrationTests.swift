import BourseCore
import BourseData
import BourseEngine
import BourseExecution
import BourseRisk
import BourseStrategies
import Testing

/// Issue 7's integration test: a strategy that tries to breach each configured limit sees the
/// denial, and no order past the limits ever reaches the venue (asserted on the commands the
/// venue received, recorded by ``RecordingVenue``).
@Suite struct RiskIntegrationTests {
    static let other = try! Instrument.equity("OTHER.SIM")

    /// 100.00 for three days, then a drop to 80.00 (day 4) that stays (days 5 and 6).
    static let rows: [(String, String, String, String)] =
        Array(repeating: ("100.00", "100.00", "100.00", "100.00"), count: 3)
        + [("90.00", "90.00", "80.00", "80.00")] + Array(repeating: ("80.00", "80.00", "80.00", "80.00"), count: 2)

    static func limits(reduce: Bool = false) throws -> RiskConfiguration {
        RiskConfiguration(
            reduceQuantityToLimits: reduce, restrictedInstruments: [other.id],
            priceBand: PriceBandLimit(maxFraction: try Rate(parsing: "0.05")),
            orderSize: SizeLimits(maxQuantity: try Quantity(parsing: "50"), maxNotional: try Money(parsing: "4000", .USD)),
            positionSize: SizeLimits(maxQuantity: try Quantity(parsing: "60")),
            dailyLoss: LossLimit(maxAmount: try Money(parsing: "500", .USD)),
            drawdown: LossLimit(maxAmount: try Money(parsing: "300", .USD)))
    }

    /// Runs `strategy` under `limits` on `bars` (default: ``rows`` for TEST.SIM) of `instruments`.
    static func run(
        _ strategy: Scripted, limits: RiskConfiguration, instruments: [Instrument] = [Bars.instrument, other],
        bars: [BarSeries]? = nil
    ) throws -> (Kernel<Scripted, PreTradeRiskEngine, RecordingVenue<BacktestSimulatedVenue>>, [RiskDecision]) {
        var config = try BacktestConfig(
            instruments: instruments, bars: try bars ?? [Bars.series(rows)], startingCash: Money(parsing: "10000", .USD))
        config.riskLimits = limits
        let risk = try PreTradeRiskEngine(limits, instruments: config.instruments, startingCash: config.startingCash)
        let kernel = try Backtest.makeKernel(strategy: strategy, risk: risk, config: config) { RecordingVenue($0) }
        var decisions: [RiskDecision] = []
        kernel.bus.subscribe(kernel.riskDecisions) { decisions.append($0) }
        try kernel.run()
        return (kernel, decisions)
    }

    static func q(_ text: String) throws -> Quantity { try Quantity(parsing: text) }

    @Test func everyBreachIsDeniedAndNeverReachesTheVenue() throws {
        let id = Bars.instrument.id
        let strategy = Scripted { bar, i, context in
            switch i {
            case 0:
                context.submit(try context.market(id, .buy, quantity: Self.q("30")))  // O-1 within every limit
                context.submit(try context.market(id, .buy, quantity: Self.q("55")))  // O-2 > 50 per order
                context.submit(try context.market(id, .buy, quantity: Self.q("45")))  // O-3 4,500 > 4,000 notional
                context.submit(try context.limit(id, .buy, quantity: Self.q("10"), price: Price(parsing: "106.00")))  // O-4 6 % off
                context.submit(try context.limit(Self.other.id, .buy, quantity: Self.q("1"), price: Price(parsing: "100.00")))  // O-5
            case 1:
                context.submit(try context.market(id, .buy, quantity: Self.q("35")))  // O-6 30 + 35 > 60 position
                context.submit(try context.market(id, .buy, quantity: Self.q("30")))  // O-7 30 + 30 = 60: allowed
            case 2: context.submit(try context.market(id, .sell, quantity: Self.q("20")))  // O-8 reduces: allowed
            // Sold 20 at the 90.00 open, 40 marked at 80.00: equity 9,000 (10,000 the day before).
            case 3: context.submit(try context.market(id, .buy, quantity: Self.q("1")))  // O-9 daily loss 1,000
            // Start of day 9,000 = equity: no daily loss; 1,000 below the 10,000 peak.
            case 4:
                context.submit(try context.market(id, .buy, quantity: Self.q("1")))  // O-10 drawdown 1,000
                context.submit(try context.market(id, .sell, quantity: Self.q("40")))  // O-11 reduces: allowed
            default: break
            }
        }
        let (kernel, decisions) = try Self.run(strategy, limits: Self.limits())

        // What the venue received: only the orders within the limits.
        let sent = kernel.venue.submittedOrders
        #expect(sent.map(\.clientOrderID.value) == ["O-1", "O-7", "O-8", "O-11"])
        #expect(sent.allSatisfy { $0.quantity <= (try! Self.q("50")) })
        #expect(kernel.portfolio.positions[0].isFlat)
        #expect(kernel.fills.map(\.lastQuantity.description) == ["30", "30", "20", "40"])

        // What the strategy saw: one denial per breach, naming the check.
        let denials = kernel.strategy.orderEvents.compactMap { event -> (String, String)? in
            if case .denied(let denied) = event { (denied.clientOrderID.value, denied.reason) } else { nil }
        }
        let expected: [(String, RiskCheckName)] = [
            ("O-2", .maxOrderQuantity), ("O-3", .maxOrderNotional), ("O-4", .priceBand), ("O-5", .restrictedList),
            ("O-6", .maxPositionQuantity), ("O-9", .dailyLoss), ("O-10", .drawdown),
        ]
        #expect(denials.map(\.0) == expected.map(\.0))
        for ((_, reason), (order, check)) in zip(denials, expected) {
            #expect(reason.hasPrefix("denied by \(check):"), "\(order): \(reason)")
        }
        #expect(denials.first { $0.0 == "O-9" }?.1.contains("daily loss 1000.00 USD") == true)
        #expect(denials.first { $0.0 == "O-10" }?.1.contains("drawdown 1000.00 USD") == true)

        // Every decision is published on the bus, in command order.
        #expect(decisions.map(\.clientOrderID.value) == (1...11).map { "O-\($0)" })
        #expect(decisions.compactMap(\.denial?.check) == expected.map(\.1))
    }

    @Test func reducibleBreachesReachTheVenueReducedToTheLimit() throws {
        let id = Bars.instrument.id
        var limitID: ClientOrderID?
        let strategy = Scripted { bar, i, context in
            switch i {
            case 0:
                context.submit(try context.market(id, .buy, quantity: Self.q("80")))  // reduced to 40 (4,000 notional)
            case 1:
                let order = try context.limit(id, .sell, quantity: Self.q("10"), price: Price(parsing: "101.00"))
                limitID = order.clientOrderID
                context.submit(order)
            case 2:
                // Leaves 70 → 50 (order quantity) → 39 (4,000 notional at 101.00).
                if let limitID { context.modify(limitID, quantity: try Self.q("70")) }
            default: break
            }
        }
        let (kernel, decisions) = try Self.run(strategy, limits: Self.limits(reduce: true))
        #expect(kernel.venue.submittedOrders.map(\.quantity.description) == ["40", "10"])
        #expect(kernel.venue.modifications.map { $0.quantity?.description } == ["39"])
        guard case .modified(let quantity, let adjustments) = decisions.first?.outcome else {
            Issue.record("expected a modified decision, got \(decisions)")
            return
        }
        #expect(quantity.description == "40")
        #expect(adjustments.map(\.check) == [.maxOrderQuantity, .maxOrderNotional])
        #expect(kernel.portfolio.positions[0].signedQuantityRaw == 40)
    }

    @Test func backtestRunEnforcesTheConfiguredLimits() throws {
        var config = try Fixtures.googConfig()
        let goog = try #require(config.instruments.first)
        config.riskLimits = RiskConfiguration(restrictedInstruments: [goog.id])
        let result = try Backtest.run(SMACross.self, parameters: ["fast=10", "slow=20"], config: config)
        #expect(result.fills.isEmpty)
        #expect(!result.orders.isEmpty)
        #expect(result.orders.allSatisfy { $0.status == "DENIED" })
    }

    @Test func throttleAndExposureBreachesNeverReachTheVenue() throws {
        let id = Bars.instrument.id
        let limits = RiskConfiguration(
            orderRate: RateLimit(maxCount: 2, window: .days(1)),
            positionSize: SizeLimits(maxNotional: try Money(parsing: "8000", .USD)), maxGrossExposure: try Rate(parsing: "0.6"))
        let strategy = Scripted { bar, i, context in
            switch i {
            case 0:
                context.submit(try context.market(id, .buy, quantity: Self.q("30")))  // O-1 allowed
                context.submit(try context.market(id, .buy, quantity: Self.q("55")))  // O-2 85 × 100 > 8,000
                context.submit(try context.market(id, .buy, quantity: Self.q("20")))  // O-3 allowed: 5,000, 50 % of equity
                context.submit(try context.market(id, .buy, quantity: Self.q("1")))  // O-4 third order within a day
            case 2:
                context.submit(try context.market(id, .buy, quantity: Self.q("15")))  // O-5 6,500 = 65 % of equity
                context.submit(try context.market(id, .sell, quantity: Self.q("50")))  // O-6 allowed: reduces
            default: break
            }
        }
        let (kernel, decisions) = try Self.run(strategy, limits: limits)
        #expect(kernel.venue.submittedOrders.map(\.clientOrderID.value) == ["O-1", "O-3", "O-6"])
        #expect(kernel.portfolio.positions[0].isFlat)
        let denied = decisions.compactMap { decision in decision.denial.map { (decision.clientOrderID.value, $0.check) } }
        #expect(denied.map(\.0) == ["O-2", "O-4", "O-5"])
        #expect(denied.map(\.1) == [.maxPositionNotional, .orderRate, .grossExposure])
        let seen = kernel.strategy.orderEvents.compactMap { event -> String? in
            if case .denied(let d) = event { d.clientOrderID.value } else { nil }
        }
        #expect(seen == ["O-2", "O-4", "O-5"])
    }
}
