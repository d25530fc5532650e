import BourseCore
import BourseRisk
import OrderedCollections
import Testing

/// Instruments quoted in other currencies are valued in the portfolio's base currency.
@Suite("Multi-currency: exposure, buying power and limits in the base currency")
struct MultiCurrencyTests {
    typealias F = RiskFixtures

    static func sap() throws -> Instrument {
        try Instrument(
            id: InstrumentID("SAP.XETRA"), assetClass: .equity, quoteCurrency: .EUR, tickSize: Price(parsing: "0.01"),
            lotSize: Quantity(parsing: "1"), tags: ["tech"])
    }

    /// 100,000 USD of equity, EUR at 1.0850 USD, SAP at 100.00 EUR.
    static func portfolio(position: Int64 = 0) throws -> PortfolioSnapshot {
        var p = try F.portfolio()
        try p.setExchangeRate(.EUR, Price(parsing: "1.0850"))
        try p.register(try sap())
        try p.updatePrice(try InstrumentID("SAP.XETRA"), Price(parsing: "100.00"))
        try p.updatePosition(try InstrumentID("SAP.XETRA"), signedQuantityRaw: position)
        return p
    }

    @Test func positionsAreValuedAtTheRate() throws {
        let p = try Self.portfolio(position: -40)
        #expect(p.grossExposureRaw == 4340_00, "40 × 100.00 EUR × 1.0850 = 4340.00 USD")
        #expect(p.netExposureRaw == -4340_00)
        #expect(p.tagExposureRaw["tech"] == 4340_00)
        let report = ExposureReport(p)
        #expect(report.short == (try F.usd("-4340")))
        // A new rate revalues the position.
        var q = p
        try q.setExchangeRate(.EUR, Price(parsing: "1.1"))
        #expect(q.grossExposureRaw == 4400_00)
    }

    @Test func orderNotionalLimitIsInTheBaseCurrency() throws {
        let p = try Self.portfolio()
        var config = RiskConfiguration(orderSize: SizeLimits(maxNotional: try F.usd("10850")))
        #expect(try F.decide(config, F.submit(.buy, "100", of: "SAP.XETRA"), p).outcome == .approved, "100 × 100 EUR = 10850.00 USD")
        expectDenied(try F.decide(config, F.submit(.buy, "101", of: "SAP.XETRA"), p), by: .maxOrderNotional, mentioning: ["10958.50 USD", "10850.00 USD"])
        config.reduceQuantityToLimits = true
        try expectModified(try F.decide(config, F.submit(.buy, "150", of: "SAP.XETRA"), p), to: "100", by: .maxOrderNotional)
    }

    @Test func buyingPowerAndGrossExposureConvert() throws {
        var p = try Self.portfolio()
        try p.setAccount(equity: F.usd("100000"), startOfDayEquity: F.usd("100000"), peakEquity: F.usd("100000"), freeCash: F.usd("5425"))
        let config = RiskConfiguration(maxGrossExposure: try Rate(parsing: "0.5"), buyingPower: BuyingPowerLimit(includeFees: false))
        #expect(try F.decide(config, F.submit(.buy, "50", of: "SAP.XETRA"), p).outcome == .approved, "50 × 108.50 USD = 5425.00 USD")
        expectDenied(try F.decide(config, F.submit(.buy, "51", of: "SAP.XETRA"), p), by: .buyingPower, mentioning: ["5533.50 USD", "5425.00 USD"])
    }

    @Test func lossLimitsUseBaseCurrencyEquity() throws {
        var p = try Self.portfolio(position: 10)
        try p.setAccount(equity: F.usd("97000"), startOfDayEquity: F.usd("100000"), peakEquity: F.usd("100000"), freeCash: F.usd("97000"))
        let config = RiskConfiguration(dailyLoss: LossLimit(maxAmount: try F.usd("3000")))
        expectDenied(try F.decide(config, F.submit(.buy, "1", of: "SAP.XETRA"), p), by: .dailyLoss, mentioning: ["3000.00 USD"])
        #expect(try F.decide(config, F.submit(.sell, "10", of: "SAP.XETRA"), p).isApproved, "reducing passes")
    }

    @Test func withoutARateOrdersAndExposureFailSafe() throws {
        var p = try F.portfolio([(try F.equity(), 10, "100.00")])
        try p.register(try Self.sap())
        try p.updatePrice(try InstrumentID("SAP.XETRA"), Price(parsing: "100.00"))
        try p.updatePosition(try InstrumentID("SAP.XETRA"), signedQuantityRaw: 5)
        let config = RiskConfiguration(maxGrossExposure: try Rate(parsing: "2"))
        expectDenied(try F.decide(config, F.submit(.buy, "1", of: "SAP.XETRA"), p), by: .orderValidity, mentioning: ["EUR", "USD"])
        expectDenied(try F.decide(config, F.submit(.buy, "1"), p), by: .grossExposure, mentioning: ["1 open positions have no price"])
        #expect(throws: PortfolioError.self) { try p.setExchangeRate(.USD, Price(parsing: "1")) }
        #expect(throws: PortfolioError.self) { try p.setExchangeRate(.EUR, Price(parsing: "0")) }
    }

    @Test func aMoneyLimitInAnotherCurrencyDeniesEveryOrder() throws {
        let p = try Self.portfolio()
        let config = RiskConfiguration(orderSize: SizeLimits(maxNotional: try Money(parsing: "1000", .EUR)))
        expectDenied(try F.decide(config, F.submit(.buy, "1", of: "SAP.XETRA"), p), by: .orderValidity, mentioning: ["orderSize.maxNotional", "EUR", "USD"])
    }
}
