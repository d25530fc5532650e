import BourseCore
import BourseExecution
import Testing

@Suite("Fill, fee and latency models")
struct ModelsTests {
    private func params(_ quantity: String, _ price: String, filledBefore: String = "0", liquidity: LiquiditySide = .taker) throws -> FeeParameters {
        let q = try Quantity(parsing: quantity)
        let p = try Price(parsing: price)
        return FeeParameters(
            instrument: Fixture.instrument, side: .buy, liquiditySide: liquidity, quantity: q, price: p,
            notional: try Fixture.instrument.notional(quantity: q, price: p), filledBefore: try Quantity(parsing: filledBefore))
    }

    @Test func perUnitFeeAppliesTheMinimumToTheWholeOrder() throws {
        let model = try PerUnitFeeModel(perUnit: Price(parsing: "0.005"), minimum: Money(parsing: "1.00", .USD))
        // 0.005 USD has 3 decimals: half-even to cents happens on the order total.
        #expect(try model.commission(params("100", "50.00")) == Money(parsing: "1.00", .USD))  // 0.50 → minimum
        #expect(try model.commission(params("1000", "50.00")) == Money(parsing: "5.00", .USD))
        // Three partial fills of 100, 100, 300 cost what one fill of 500 costs: 2.50.
        let a = try model.commission(params("100", "50.00"))
        let b = try model.commission(params("100", "50.00", filledBefore: "100"))
        let c = try model.commission(params("300", "50.00", filledBefore: "200"))
        #expect(a.raw + b.raw + c.raw == 250)
        #expect([a.raw, b.raw, c.raw] == [100, 0, 150])
    }

    @Test func perUnitFeeRoundsTheOrderTotalHalfEven() throws {
        let model = try PerUnitFeeModel(perUnit: Price(parsing: "0.0035"), minimum: Money(parsing: "0.35", .USD))
        // 301 × 0.0035 = 1.0535 → 1.05; 303 × 0.0035 = 1.0605 → 1.06.
        #expect(try model.commission(params("301", "50.00")) == Money(parsing: "1.05", .USD))
        #expect(try model.commission(params("303", "50.00")) == Money(parsing: "1.06", .USD))
        #expect(throws: FixedPointError.self) { try PerUnitFeeModel(perUnit: Price(parsing: "-0.01"), minimum: Money(parsing: "1", .USD)) }
    }

    @Test func notionalFeeIsExact() throws {
        let model = NotionalFeeModel(rate: try Rate(parsing: "0.001"))
        // 37 × 101.37 = 3750.69; × 0.001 = 3.75069 → 3.75 (half-even to cents).
        #expect(try model.commission(params("37", "101.37")) == Money(parsing: "3.75", .USD))
    }

    @Test func makerTakerFeeUsesTheLiquiditySide() throws {
        let model = MakerTakerFeeModel(maker: try Rate(parsing: "-0.0002"), taker: try Rate(parsing: "0.0007"))
        #expect(try model.commission(params("100", "100.00", liquidity: .maker)) == Money(parsing: "-2.00", .USD))
        #expect(try model.commission(params("100", "100.00", liquidity: .taker)) == Money(parsing: "7.00", .USD))
    }

    @Test func fixedFeeIsChargedOnTheFirstFillOnly() throws {
        let model = FixedFeeModel(perOrder: try Money(parsing: "2.50", .USD))
        #expect(try model.commission(params("10", "100.00")) == Money(parsing: "2.50", .USD))
        #expect(try model.commission(params("10", "100.00", filledBefore: "10")) == Money.zero(.USD))
    }

    @Test(arguments: [
        (Slippage.none, OrderSide.buy, "100.00"),
        (.ticks(2), .buy, "100.02"),
        (.ticks(2), .sell, "99.98"),
        (.basisPoints(5), .buy, "100.05"),  // 5 bps of 100.00 = 0.05
        (.basisPoints(1), .sell, "99.99"),  // 0.01
        (.basisPoints(3), .buy, "100.03"),
    ])
    func slippage(_ slippage: Slippage, _ side: OrderSide, _ expected: String) throws {
        #expect(slippage.applied(to: try Price(parsing: "100.00"), side: side, instrument: Fixture.instrument) == (try Price(parsing: expected)))
    }

    @Test func basisPointSlippageRoundsAdverselyUpToATick() throws {
        // 1 bp of 33.33 = 0.003333 → one tick.
        #expect(Slippage.basisPoints(1).applied(to: try Price(parsing: "33.33"), side: .buy, instrument: Fixture.instrument) == (try Price(parsing: "33.34")))
    }

    @Test func slippageMovesTakerFillsOnly() throws {
        let h = try Harness(fills: StandardFillModel(slippage: .ticks(3)), fees: InstrumentFeeModel(), latency: FixedLatency.zero)
        try h.submit(Fixture.order(1, .buy, .market))
        try h.submit(Fixture.order(2, .sell, .limit, price: "100.50"))
        try h.bar(1, "100.00", "101.00", "99.00", "100.50")
        #expect(h.fills.map { "\($0.clientOrderID) \($0.lastPrice)" } == ["O-1 100.03", "O-2 100.50"])
    }

    @Test func volumeParticipationCarriesTheRestAsPartialFills() throws {
        let h = try Harness(
            fills: StandardFillModel(participation: try Rate(parsing: "0.1")), fees: InstrumentFeeModel(), latency: FixedLatency.zero)
        try h.submit(Fixture.order(1, .buy, .market, "25"))
        try h.bar(1, "100.00", "101.00", "99.00", "100.50", volume: "100")
        try h.bar(2, "100.50", "101.00", "99.00", "100.00", volume: "100")
        try h.bar(3, "100.20", "101.00", "99.00", "100.00", volume: "109")
        #expect(h.log == [
            "submitted O-1 +0m", "accepted O-1 +0m", "filled O-1 10 @ 100.00 taker +1m", "filled O-1 10 @ 100.50 taker +2m",
            "filled O-1 5 @ 100.20 taker +3m",
        ])
        #expect(h.oms.order(Fixture.id(1))?.status == .filled)
        #expect(h.oms.order(Fixture.id(1))?.averageFillPrice == (try Price(parsing: "100.24")))
    }

    @Test func fokWithTooLittleVolumeIsCanceledWithoutAFill() throws {
        let h = try Harness(
            fills: StandardFillModel(participation: try Rate(parsing: "0.1")), fees: InstrumentFeeModel(), latency: FixedLatency.zero)
        try h.submit(Fixture.order(1, .buy, .limit, "25", price: "101.00", tif: .fok))
        try h.submit(Fixture.order(2, .buy, .limit, "25", price: "101.00", tif: .ioc))
        try h.bar(1, "100.00", "101.00", "99.00", "100.50", volume: "1000")
        // 10 % of 1000 = 100 ≥ 25: both could fill; the FOK fills whole, the IOC too.
        #expect(Array(h.log.suffix(2)) == ["filled O-1 25 @ 100.00 maker +1m", "filled O-2 25 @ 100.00 maker +1m"])
        let thin = try Harness(
            fills: StandardFillModel(participation: try Rate(parsing: "0.1")), fees: InstrumentFeeModel(), latency: FixedLatency.zero)
        try thin.submit(Fixture.order(1, .buy, .limit, "25", price: "101.00", tif: .fok))
        try thin.submit(Fixture.order(2, .buy, .limit, "25", price: "101.00", tif: .ioc))
        try thin.bar(1, "100.00", "101.00", "99.00", "100.50", volume: "200")
        // 10 % of 200 = 20 < 25: the FOK is killed whole; the IOC fills 20 and the rest is canceled.
        #expect(Array(thin.log.suffix(3)) == ["canceled O-1 +1m", "filled O-2 20 @ 100.00 maker +1m", "canceled O-2 +1m"])
    }

    @Test func latencyDelaysTheAcknowledgementAndTheFill() throws {
        let h = try Harness(fills: StandardFillModel(), fees: InstrumentFeeModel(), latency: FixedLatency(.seconds(2)))
        try h.bar(0, "100.00", "100.00", "100.00", "100.00")
        try h.submit(Fixture.order(1, .buy, .limit, price: "99.50"))
        #expect(h.log == ["submitted O-1 +0m"])
        #expect(h.venue.nextEventTime == Fixture.t0 + .seconds(2))
        try h.advance(seconds: 1)
        #expect(h.log == ["submitted O-1 +0m"])
        try h.advance(seconds: 2)
        #expect(h.log == ["submitted O-1 +0m", "accepted O-1 +2s"])
        try h.bar(1, "100.00", "101.00", "99.00", "100.50")
        #expect(h.log.last == "filled O-1 10 @ 99.50 maker +1m")
    }

    @Test func feesOnFillsComeFromTheFeeModel() throws {
        let h = try Harness(
            fills: StandardFillModel(), fees: MakerTakerFeeModel(maker: try Rate(parsing: "0.0001"), taker: try Rate(parsing: "0.001")),
            latency: FixedLatency.zero)
        try h.submit(Fixture.order(1, .buy, .market))
        try h.submit(Fixture.order(2, .sell, .limit, price: "100.50"))
        try h.bar(1, "100.00", "101.00", "99.00", "100.50")
        #expect(h.fills.map(\.commission) == [try Money(parsing: "1.00", .USD), try Money(parsing: "0.10", .USD)])
    }
}
