import BourseCore
import BourseRisk
import Foundation
import Testing

@Suite("Pre-trade checks: approved, denied at the boundary, modified")
struct PreTradeCheckTests {
    typealias F = RiskFixtures

    @Test func maxOrderQuantity() throws {
        let goog = try F.equity()
        let p = try F.portfolio([(goog, 0, "100.00")])
        var config = RiskConfiguration(orderSize: SizeLimits(maxQuantity: try Quantity(parsing: "100")))
        #expect(try F.decide(config, F.submit(.buy, "100"), p).outcome == .approved)
        expectDenied(try F.decide(config, F.submit(.buy, "101"), p), by: .maxOrderQuantity, mentioning: ["101", "maximum order quantity 100", "GOOG.NASDAQ"])
        config.reduceQuantityToLimits = true
        try expectModified(try F.decide(config, F.submit(.buy, "150"), p), to: "100", by: .maxOrderQuantity)
    }

    @Test func perInstrumentOverride() throws {
        let goog = try F.equity()
        let p = try F.portfolio([(goog, 0, "100.00")])
        let config = RiskConfiguration(
            orderSize: SizeLimits(
                maxQuantity: try Quantity(parsing: "100"),
                instruments: [InstrumentSizeLimit(instrumentID: goog.id, maxQuantity: try Quantity(parsing: "10"))]))
        #expect(try F.decide(config, F.submit(.buy, "10"), p).outcome == .approved)
        expectDenied(try F.decide(config, F.submit(.buy, "11"), p), by: .maxOrderQuantity, mentioning: ["11", "10"])
    }

    @Test func maxOrderNotional() throws {
        let p = try F.portfolio([(try F.equity(), 0, "100.00")])
        var config = RiskConfiguration(orderSize: SizeLimits(maxNotional: try F.usd("10000")))
        #expect(try F.decide(config, F.submit(.buy, "100"), p).outcome == .approved)
        expectDenied(try F.decide(config, F.submit(.buy, "101"), p), by: .maxOrderNotional, mentioning: ["10100.00 USD", "10000.00 USD"])
        // A limit price above the last price values the order at the limit price.
        expectDenied(try F.decide(config, F.submit(.buy, "100", price: "100.01"), p), by: .maxOrderNotional, mentioning: ["10001.00 USD"])
        config.reduceQuantityToLimits = true
        try expectModified(try F.decide(config, F.submit(.buy, "150"), p), to: "100", by: .maxOrderNotional)
    }

    @Test func maxPositionQuantity() throws {
        let p = try F.portfolio([(try F.equity(), 150, "100.00")])
        var config = RiskConfiguration(positionSize: SizeLimits(maxQuantity: try Quantity(parsing: "200")))
        #expect(try F.decide(config, F.submit(.buy, "50"), p).outcome == .approved)
        expectDenied(try F.decide(config, F.submit(.buy, "51"), p), by: .maxPositionQuantity, mentioning: ["201", "maximum position 200", "150"])
        #expect(try F.decide(config, F.submit(.sell, "300"), p).outcome == .approved, "reducing or flipping to -150 stays within 200")
        config.reduceQuantityToLimits = true
        try expectModified(try F.decide(config, F.submit(.buy, "80"), p), to: "50", by: .maxPositionQuantity)
    }

    @Test func openOrdersCountTowardsThePosition() throws {
        var p = try F.portfolio([(try F.equity(), 150, "100.00")])
        try p.updateOpenOrders(try InstrumentID("GOOG.NASDAQ"), buy: Quantity(parsing: "30"), sell: .zero(precision: 0))
        let config = RiskConfiguration(positionSize: SizeLimits(maxQuantity: try Quantity(parsing: "200")))
        #expect(try F.decide(config, F.submit(.buy, "20"), p).outcome == .approved)
        expectDenied(try F.decide(config, F.submit(.buy, "21"), p), by: .maxPositionQuantity, mentioning: ["201"])
    }

    @Test func maxPositionNotional() throws {
        let p = try F.portfolio([(try F.equity(), 150, "100.00")])
        var config = RiskConfiguration(positionSize: SizeLimits(maxNotional: try F.usd("20000")))
        #expect(try F.decide(config, F.submit(.buy, "50"), p).outcome == .approved)
        expectDenied(try F.decide(config, F.submit(.buy, "51"), p), by: .maxPositionNotional, mentioning: ["20100.00 USD", "20000.00 USD"])
        config.reduceQuantityToLimits = true
        try expectModified(try F.decide(config, F.submit(.buy, "80"), p), to: "50", by: .maxPositionNotional)
    }

    @Test func maxOpenPositions() throws {
        let p = try F.portfolio([(try F.equity(), 10, "100.00"), (try F.equity("AAPL.NASDAQ"), -5, "100.00"), (try F.equity("MSFT.NASDAQ"), 0, "100.00")])
        let config = RiskConfiguration(maxOpenPositions: 2)
        expectDenied(try F.decide(config, F.submit(.buy, "1", of: "MSFT.NASDAQ"), p), by: .maxOpenPositions, mentioning: ["2 open positions", "maximum of 2", "MSFT.NASDAQ"])
        #expect(try F.decide(config, F.submit(.buy, "1"), p).outcome == .approved, "adding to an open position")
        #expect(try F.decide(RiskConfiguration(maxOpenPositions: 3), F.submit(.buy, "1", of: "MSFT.NASDAQ"), p).outcome == .approved)
    }

    @Test func grossExposure() throws {
        let p = try F.portfolio([(try F.equity(), 300, "100.00"), (try F.equity("AAPL.NASDAQ"), -100, "100.00")])
        var config = RiskConfiguration(maxGrossExposure: try Rate(parsing: "0.5"))
        #expect(try F.decide(config, F.submit(.buy, "100"), p).outcome == .approved)
        expectDenied(try F.decide(config, F.submit(.buy, "101"), p), by: .grossExposure, mentioning: ["50100.00 USD", "50000.00 USD", "0.5", "100000.00 USD"])
        config.reduceQuantityToLimits = true
        try expectModified(try F.decide(config, F.submit(.buy, "150"), p), to: "100", by: .grossExposure)
    }

    @Test func netExposure() throws {
        let p = try F.portfolio([(try F.equity(), 200, "100.00"), (try F.equity("AAPL.NASDAQ"), -50, "100.00")])
        let config = RiskConfiguration(maxNetExposure: try Rate(parsing: "0.3"))
        #expect(try F.decide(config, F.submit(.buy, "150"), p).outcome == .approved)
        expectDenied(try F.decide(config, F.submit(.buy, "151"), p), by: .netExposure, mentioning: ["30100.00 USD", "30000.00 USD", "0.3"])
        #expect(try F.decide(config, F.submit(.sell, "100", of: "AAPL.NASDAQ"), p).outcome == .approved, "a short lowers net exposure")
    }

    @Test func concentrationPerTag() throws {
        let p = try F.portfolio([(try F.equity(), 100, "100.00"), (try F.equity("AAPL.NASDAQ"), 0, "100.00"), (try F.equity("XOM.NYSE", tags: ["energy"]), 0, "100.00")])
        var config = RiskConfiguration(tagLimits: [TagLimit(tag: "tech", maxFraction: try Rate(parsing: "0.2"))])
        #expect(try F.decide(config, F.submit(.buy, "100", of: "AAPL.NASDAQ"), p).outcome == .approved)
        expectDenied(try F.decide(config, F.submit(.buy, "101", of: "AAPL.NASDAQ"), p), by: .concentration, mentioning: ["'tech'", "20100.00 USD", "20000.00 USD"])
        #expect(try F.decide(config, F.submit(.buy, "500", of: "XOM.NYSE"), p).outcome == .approved, "another sector")
        config.reduceQuantityToLimits = true
        try expectModified(try F.decide(config, F.submit(.buy, "150", of: "AAPL.NASDAQ"), p), to: "100", by: .concentration)
        let byClass = RiskConfiguration(tagLimits: [TagLimit(tag: "asset-class:equity", maxFraction: try Rate(parsing: "0.2"))])
        expectDenied(try F.decide(byClass, F.submit(.buy, "101", of: "XOM.NYSE"), p), by: .concentration, mentioning: ["asset-class:equity"])
    }

    @Test func correlation() throws {
        let p = try F.portfolio([(try F.equity(), 100, "100.00"), (try F.equity("AAPL.NASDAQ"), 0, "100.00"), (try F.equity("MSFT.NASDAQ"), 0, "100.00")])
        func engine(bound: Double) throws -> RiskEngine {
            var e = try RiskEngine(RiskConfiguration(correlation: CorrelationLimit(maxCorrelation: bound, window: 20, minObservations: 10)))
            for i in 0..<20 {
                let r = 0.01 * sin(Double(i))
                e.recordReturn(try InstrumentID("GOOG.NASDAQ"), r)
                e.recordReturn(try InstrumentID("AAPL.NASDAQ"), 2 * r)  // correlation exactly 1
                e.recordReturn(try InstrumentID("MSFT.NASDAQ"), i % 2 == 0 ? 0.01 : -0.01)
            }
            return e
        }
        var strict = try engine(bound: 0.99)
        expectDenied(strict.evaluate(try F.submit(.buy, "1", of: "AAPL.NASDAQ"), portfolio: p), by: .correlation, mentioning: ["AAPL.NASDAQ", "GOOG.NASDAQ", "0.99", "20 returns"])
        #expect(strict.evaluate(try F.submit(.sell, "1", of: "AAPL.NASDAQ"), portfolio: p).isApproved, "a short hedges the long")
        #expect(strict.evaluate(try F.submit(.buy, "1", of: "MSFT.NASDAQ"), portfolio: p).isApproved)
        var atBound = try engine(bound: 1.0)
        #expect(atBound.evaluate(try F.submit(.buy, "1", of: "AAPL.NASDAQ"), portfolio: p).isApproved, "not above the bound")
    }

    @Test func dailyLoss() throws {
        let goog = try F.equity()
        let config = RiskConfiguration(dailyLoss: LossLimit(maxAmount: try F.usd("1000")))
        let within = try F.portfolio(equity: "99000.01", startOfDay: "100000", [(goog, 100, "100.00")])
        #expect(try F.decide(config, F.submit(.buy, "1"), within).outcome == .approved)
        let reached = try F.portfolio(equity: "99000", startOfDay: "100000", [(goog, 100, "100.00")])
        expectDenied(try F.decide(config, F.submit(.buy, "1"), reached), by: .dailyLoss, mentioning: ["daily loss 1000.00 USD", "limit 1000.00 USD", "100000.00 USD", "99000.00 USD"])
        #expect(try F.decide(config, F.submit(.sell, "100"), reached).outcome == .approved, "closing is allowed")
        let fraction = RiskConfiguration(dailyLoss: LossLimit(maxFraction: try Rate(parsing: "0.01")))
        expectDenied(try F.decide(fraction, F.submit(.buy, "1"), reached), by: .dailyLoss, mentioning: ["0.01 × start-of-day equity"])
    }

    @Test func drawdown() throws {
        let goog = try F.equity()
        let config = RiskConfiguration(drawdown: LossLimit(maxFraction: try Rate(parsing: "0.1")))
        let within = try F.portfolio(equity: "99000.01", peak: "110000", [(goog, 0, "100.00")])
        #expect(try F.decide(config, F.submit(.buy, "1"), within).outcome == .approved)
        let reached = try F.portfolio(equity: "99000", peak: "110000", [(goog, 0, "100.00")])
        expectDenied(try F.decide(config, F.submit(.buy, "1"), reached), by: .drawdown, mentioning: ["drawdown 11000.00 USD", "limit 11000.00 USD", "110000.00 USD"])
    }

    /// A fraction of a start-of-day equity ≤ 0 limits nothing: orders adding exposure are denied
    /// with the reason, orders reducing it pass, and an amount alone still applies.
    @Test(arguments: [("0", "100"), ("-3500", "-3000")])
    func dailyLossFractionOfANonPositiveStartOfDayEquity(startOfDay: String, equity: String) throws {
        let goog = try F.equity()
        let p = try F.portfolio(equity: equity, startOfDay: startOfDay, [(goog, -90, "100.00")])
        let fraction = RiskConfiguration(dailyLoss: LossLimit(maxAmount: try F.usd("1000"), maxFraction: try Rate(parsing: "0.5")))
        expectDenied(
            try F.decide(fraction, F.submit(.sell, "1"), p), by: .dailyLoss,
            mentioning: ["daily loss limit 0.5 × start-of-day equity cannot be applied: start-of-day equity is \(try F.usd(startOfDay))"])
        #expect(try F.decide(fraction, F.submit(.buy, "90"), p).outcome == .approved, "closing is allowed")
        let amount = RiskConfiguration(dailyLoss: LossLimit(maxAmount: try F.usd("1000")))
        #expect(try F.decide(amount, F.submit(.sell, "1"), p).outcome == .approved, "no loss since the start of the day")
    }

    @Test(arguments: ["0", "-100"])
    func drawdownFractionOfANonPositivePeakEquity(peak: String) throws {
        let goog = try F.equity()
        let p = try F.portfolio(equity: peak, peak: peak, [(goog, 10, "100.00")])
        let config = RiskConfiguration(drawdown: LossLimit(maxFraction: try Rate(parsing: "0.1")))
        expectDenied(
            try F.decide(config, F.submit(.buy, "1"), p), by: .drawdown,
            mentioning: ["drawdown limit 0.1 × peak equity cannot be applied: peak equity is \(try F.usd(peak))"])
        #expect(try F.decide(config, F.submit(.sell, "10"), p).outcome == .approved, "closing is allowed")
    }

    @Test func buyingPowerIncludesFees() throws {
        let goog = try F.equity(takerFee: "0.001")
        var config = RiskConfiguration(buyingPower: BuyingPowerLimit())
        let exact = try F.portfolio(freeCash: "10010", [(goog, 0, "100.00")])
        #expect(try F.decide(config, F.submit(.buy, "100"), exact).outcome == .approved, "10000 + 10 fee = 10010")
        let short = try F.portfolio(freeCash: "10009.99", [(goog, 0, "100.00")])
        expectDenied(try F.decide(config, F.submit(.buy, "100"), short), by: .buyingPower, mentioning: ["10010.00 USD", "10009.99 USD", "0.001"])
        config.reduceQuantityToLimits = true
        try expectModified(try F.decide(config, F.submit(.buy, "100"), short), to: "99", by: .buyingPower)
        let long = try F.portfolio(freeCash: "0", [(goog, 100, "100.00")])
        #expect(try F.decide(RiskConfiguration(buyingPower: BuyingPowerLimit(includeFees: false)), F.submit(.sell, "100"), long).outcome == .approved)
    }

    @Test func priceBand() throws {
        let p = try F.portfolio([(try F.equity(), 0, "100.00")])
        let percent = RiskConfiguration(priceBand: PriceBandLimit(maxFraction: try Rate(parsing: "0.05")))
        #expect(try F.decide(percent, F.submit(.buy, "1", price: "105.00"), p).outcome == .approved)
        #expect(try F.decide(percent, F.submit(.sell, "1", price: "95.00"), p).outcome == .approved)
        expectDenied(try F.decide(percent, F.submit(.buy, "1", price: "105.01"), p), by: .priceBand, mentioning: ["105.01", "100.00", "0.05"])
        let ticks = RiskConfiguration(priceBand: PriceBandLimit(maxTicks: 10))
        #expect(try F.decide(ticks, F.submit(.buy, "1", price: "100.10"), p).outcome == .approved)
        expectDenied(try F.decide(ticks, F.submit(.buy, "1", price: "99.89"), p), by: .priceBand, mentioning: ["99.89", "-11 ticks", "10 ticks"])
        #expect(try F.decide(ticks, F.submit(.buy, "1"), p).outcome == .approved, "market orders have no limit price")
    }

    @Test func orderRateSlidingWindow() throws {
        let p = try F.portfolio([(try F.equity(), 0, "100.00")])
        var engine = try RiskEngine(RiskConfiguration(orderRate: RateLimit(maxCount: 3, window: .seconds(1))))
        for i in 0..<3 {
            #expect(engine.evaluate(try F.submit(.buy, "1", at: F.t0 + .milliseconds(Int64(100 * i))), portfolio: p).isApproved)
        }
        expectDenied(engine.evaluate(try F.submit(.buy, "1", at: F.t0 + Nanoseconds(999_999_999)), portfolio: p), by: .orderRate, mentioning: ["3 orders", "limit of 3 per 1 s"])
        #expect(engine.evaluate(try F.submit(.buy, "1", at: F.t0 + .seconds(1)), portfolio: p).isApproved, "the first order left the window")
    }

    @Test func messageRateCountsCancelsWhichAlwaysPass() throws {
        let p = try F.portfolio([(try F.equity(), 0, "100.00")])
        var engine = try RiskEngine(RiskConfiguration(messageRate: RateLimit(maxCount: 2, window: .seconds(1))))
        let order = Order(try OrderInitialized(
            clientOrderID: ClientOrderID("O-9"), strategyID: StrategyID("S-1"), instrumentID: InstrumentID("GOOG.NASDAQ"),
            side: .buy, type: .market, quantity: Quantity(parsing: "1"), tsInit: F.t0))
        #expect(engine.evaluate(RiskRequest.cancel(order, at: F.t0), portfolio: p).isApproved)
        #expect(engine.evaluate(RiskRequest.cancel(order, at: F.t0), portfolio: p).isApproved)
        #expect(engine.evaluate(RiskRequest.cancel(order, at: F.t0), portfolio: p).isApproved, "cancels always pass")
        expectDenied(engine.evaluate(try F.submit(.buy, "1", at: F.t0 + .milliseconds(1)), portfolio: p), by: .messageRate, mentioning: ["2 messages", "per 1 s"])
    }

    @Test func restrictedList() throws {
        let p = try F.portfolio([(try F.equity(), 100, "100.00")])
        let config = RiskConfiguration(restrictedInstruments: [try InstrumentID("GOOG.NASDAQ")])
        expectDenied(try F.decide(config, F.submit(.buy, "1"), p), by: .restrictedList, mentioning: ["GOOG.NASDAQ", "restricted list", "100"])
        #expect(try F.decide(config, F.submit(.sell, "100"), p).outcome == .approved)
    }

    @Test func tradingSession() throws {
        let p = try F.portfolio([(try F.equity(), 0, "100.00")])
        let config = RiskConfiguration(
            tradingSession: TradingSessionLimit(
                opens: .hours(14) + .minutes(30), closes: .hours(21), openingDelay: .seconds(60), closingCutoff: .seconds(300)))
        func at(_ h: Int, _ m: Int, _ s: Int, day: Int = 4, nanos: Int = 0) throws -> UnixNanos {
            try CivilDateTime(year: 2024, month: 3, day: day, hour: h, minute: m, second: s, nanosecond: nanos).unixNanos
        }
        #expect(try F.decide(config, F.submit(.buy, "1", at: try at(14, 31, 0)), p).outcome == .approved)
        expectDenied(try F.decide(config, F.submit(.buy, "1", at: try at(14, 30, 59, nanos: 999_999_999)), p), by: .tradingSession, mentioning: ["14:30:59", "14:30:00", "60 s", "14:31:00"])
        #expect(try F.decide(config, F.submit(.buy, "1", at: try at(20, 54, 59)), p).outcome == .approved)
        expectDenied(try F.decide(config, F.submit(.buy, "1", at: try at(20, 55, 0)), p), by: .tradingSession, mentioning: ["20:55:00", "300 s", "21:00:00"])
        expectDenied(try F.decide(config, F.submit(.buy, "1", at: try at(15, 0, 0, day: 9)), p), by: .tradingSession, mentioning: ["weekday 6"])
    }

    @Test func reduceOnlyMode() throws {
        let p = try F.portfolio([(try F.equity(), 100, "100.00")])
        var config = RiskConfiguration(reduceOnly: true)
        #expect(try F.decide(config, F.submit(.sell, "100"), p).outcome == .approved)
        expectDenied(try F.decide(config, F.submit(.sell, "101"), p), by: .reduceOnly, mentioning: ["reduce-only mode", "SELL 101", "100"])
        expectDenied(try F.decide(config, F.submit(.buy, "1"), p), by: .reduceOnly, mentioning: ["at most 0"])
        config.reduceQuantityToLimits = true
        try expectModified(try F.decide(config, F.submit(.sell, "150"), p), to: "100", by: .reduceOnly)
        let flat = try F.portfolio([(try F.equity(), 0, "100.00")])
        expectDenied(try F.decide(RiskConfiguration(), F.submit(.buy, "1", reduceOnly: true), flat), by: .reduceOnly, mentioning: ["reduce-only order"])
    }

    @Test func unknownInstrumentAndPrecision() throws {
        let p = try F.portfolio([(try F.equity(), 0, "100.00")])
        expectDenied(try F.decide(RiskConfiguration(), F.submit(.buy, "1", of: "TSLA.NASDAQ"), p), by: .orderValidity, mentioning: ["TSLA.NASDAQ"])
        expectDenied(try F.decide(RiskConfiguration(), F.submit(.buy, "1.5"), p), by: .orderValidity, mentioning: ["1.5"])
        expectDenied(try F.decide(RiskConfiguration(), F.submit(.buy, "1", price: "100.001"), p), by: .orderValidity, mentioning: ["decimals"])
    }

    @Test func checksRunInTheFixedOrderAndReductionsCompose() throws {
        let p = try F.portfolio(freeCash: "5000", [(try F.equity(), 0, "100.00")])
        let config = RiskConfiguration(
            reduceQuantityToLimits: true, restrictedInstruments: [try InstrumentID("GOOG.NASDAQ")],
            orderSize: SizeLimits(maxQuantity: try Quantity(parsing: "10")))
        expectDenied(try F.decide(config, F.submit(.buy, "20"), p), by: .restrictedList, mentioning: [])
        let chained = RiskConfiguration(
            reduceQuantityToLimits: true, orderSize: SizeLimits(maxQuantity: try Quantity(parsing: "80")), buyingPower: BuyingPowerLimit())
        guard case .modified(let q, let adjustments) = try F.decide(chained, F.submit(.buy, "100"), p).outcome else {
            Issue.record("expected a modification")
            return
        }
        #expect(q == (try Quantity(parsing: "50")))
        #expect(adjustments.map(\.check) == [.maxOrderQuantity, .buyingPower])
        #expect(adjustments.map(\.to) == [try Quantity(parsing: "80"), try Quantity(parsing: "50")])
    }

    /// A reduction in the middle of the sequence (max position notional, 10th of 18): the checks
    /// after it see the reduced order — net exposure, which would deny the original 100, passes
    /// the reduced one — and further reductions chain from it.
    @Test func aReductionInTheMiddleIsSeenByEveryLaterCheck() throws {
        let p = try F.portfolio(freeCash: "6000", [(try F.equity(), 0, "100.00")])
        let config = RiskConfiguration(
            reduceQuantityToLimits: true, orderSize: SizeLimits(maxQuantity: try Quantity(parsing: "1000")),
            positionSize: SizeLimits(maxNotional: try F.usd("8000")), maxOpenPositions: 5,
            maxGrossExposure: try Rate(parsing: "0.07"), maxNetExposure: try Rate(parsing: "0.075"),
            dailyLoss: LossLimit(maxAmount: try F.usd("1000")), buyingPower: BuyingPowerLimit())
        guard case .modified(let q, let adjustments) = try F.decide(config, F.submit(.buy, "100"), p).outcome else {
            Issue.record("expected a modification")
            return
        }
        #expect(q == (try Quantity(parsing: "60")))
        #expect(adjustments.map(\.check) == [.maxPositionNotional, .grossExposure, .buyingPower])
        let quantities = try ["100", "80", "70", "60"].map { try Quantity(parsing: $0) }
        #expect(adjustments.map(\.from) == Array(quantities.dropLast()))
        #expect(adjustments.map(\.to) == Array(quantities.dropFirst()))
        var denying = config
        denying.reduceQuantityToLimits = false
        expectDenied(try F.decide(denying, F.submit(.buy, "100"), p), by: .maxPositionNotional, mentioning: ["8000.00 USD"])
        let unreduced = RiskConfiguration(maxNetExposure: try Rate(parsing: "0.075"))
        expectDenied(try F.decide(unreduced, F.submit(.buy, "100"), p), by: .netExposure, mentioning: ["7500.00 USD"])
    }

    @Test func modifyCountsTheOrderOnceAndReturnsTheNewTotal() throws {
        var p = try F.portfolio([(try F.equity(), 0, "100.00")])
        try p.updateOpenOrders(try InstrumentID("GOOG.NASDAQ"), buy: Quantity(parsing: "60"), sell: .zero(precision: 0))
        let order = Order(try OrderInitialized(
            clientOrderID: ClientOrderID("O-1"), strategyID: StrategyID("S-1"), instrumentID: InstrumentID("GOOG.NASDAQ"),
            side: .buy, type: .limit, quantity: Quantity(parsing: "60"), price: Price(parsing: "100.00"), tsInit: F.t0))
        let config = RiskConfiguration(reduceQuantityToLimits: true, positionSize: SizeLimits(maxQuantity: try Quantity(parsing: "100")))
        let request = try RiskRequest.modify(order, quantity: Quantity(parsing: "150"), at: F.t0)
        try expectModified(try F.decide(config, request, p), to: "100", by: .maxPositionQuantity)
        #expect(try F.decide(config, try RiskRequest.modify(order, quantity: Quantity(parsing: "100"), at: F.t0), p).outcome == .approved)
    }

    @Test func reductionBelowOneLotIsADenial() throws {
        let p = try F.portfolio(freeCash: "50", [(try F.equity(), 0, "100.00")])
        let config = RiskConfiguration(reduceQuantityToLimits: true, buyingPower: BuyingPowerLimit())
        expectDenied(try F.decide(config, F.submit(.buy, "1"), p), by: .buyingPower, mentioning: ["100.00 USD", "buying power 50.00 USD"])
        let lots = try Instrument(
            id: InstrumentID("ES.CME"), assetClass: .equity, quoteCurrency: .USD, tickSize: Price(parsing: "0.25"),
            lotSize: Quantity(parsing: "10"))
        let q = try F.portfolio(freeCash: "950", [(lots, 0, "100.00")])
        expectDenied(try F.decide(config, F.submit(.buy, "10", of: "ES.CME"), q), by: .buyingPower, mentioning: ["the most it allows, 9,", "below one lot 10"])
    }

    @Test func configurationRoundTripsAndRejectsNonsense() throws {
        let config = RiskConfiguration(
            reduceQuantityToLimits: true, orderRate: RateLimit(maxCount: 5, window: .seconds(1)),
            orderSize: SizeLimits(maxQuantity: try Quantity(parsing: "100"), maxNotional: try F.usd("10000")),
            maxGrossExposure: try Rate(parsing: "1.5"), tagLimits: [TagLimit(tag: "tech", maxFraction: try Rate(parsing: "0.3"))],
            dailyLoss: LossLimit(maxAmount: try F.usd("1000")))
        let data = try JSONEncoder().encode(config)
        #expect(try JSONDecoder().decode(RiskConfiguration.self, from: data) == config)
        #expect(try JSONDecoder().decode(RiskConfiguration.self, from: Data("{}".utf8)) == RiskConfiguration())
        #expect(throws: RiskConfigurationError.self) { try RiskEngine(RiskConfiguration(orderRate: RateLimit(maxCount: 0, window: .seconds(1)))) }
        #expect(throws: RiskConfigurationError.self) { try RiskEngine(RiskConfiguration(dailyLoss: LossLimit())) }
        #expect(throws: RiskConfigurationError.self) { try RiskEngine(RiskConfiguration(maxGrossExposure: try Rate(parsing: "-1"))) }
    }

    @Test func decisionsAreCodableValues() throws {
        let p = try F.portfolio([(try F.equity(), 0, "100.00")])
        let config = RiskConfiguration(reduceQuantityToLimits: true, orderSize: SizeLimits(maxQuantity: try Quantity(parsing: "10")))
        for request in [try F.submit(.buy, "5"), try F.submit(.buy, "50"), try F.submit(.buy, "5", of: "X.Y")] {
            let decision = try F.decide(config, request, p)
            #expect(try JSONDecoder().decode(RiskDecision.self, from: JSONEncoder().encode(decision)) == decision)
        }
    }
}
