import BourseCore
import BourseTestKit
import OrderedCollections
import PropertyBased
import Testing

@Suite struct PositionTests {
    let goog = TestDefaults.instrument

    func fill(_ side: OrderSide, _ quantity: String, _ price: String, commission: String = "0", trade: Int = 1, instrument: Instrument? = nil) throws -> OrderFilled {
        let instrument = instrument ?? goog
        return try FillBuilder().instrument(instrument.id).side(side).quantity(quantity).price(price)
            .commission(Money(parsing: commission, instrument.quoteCurrency)).trade(trade).build()
    }

    @Test func longThenFlipShortInOneFill() throws {
        var position = Position(id: try PositionID("P-1"), instrument: goog)
        #expect(position.side == .flat && position.averageOpenPrice == nil)
        try position.apply(fill: fill(.buy, "10", "100.00", commission: "1.00"))
        #expect(position.side == .long && position.signedQuantityRaw == 10)
        #expect(position.averageOpenPrice == (try Price(parsing: "100.000000")))
        #expect(try position.unrealizedPnL(at: Price(parsing: "101.50")) == Money(parsing: "15.00", .USD))
        try position.apply(fill: fill(.sell, "15", "110.00", commission: "1.50"))
        // The closing 10 realize (110 − 100) × 10 = 100; the other 5 open a short at 110.
        #expect(position.side == .short && position.signedQuantityRaw == -5)
        #expect(position.quantity == (try Quantity(parsing: "5")))
        #expect(position.grossRealizedPnL == (try Money(parsing: "100.00", .USD)))
        #expect(position.realizedPnL == (try Money(parsing: "97.50", .USD)))
        #expect(position.averageOpenPrice == (try Price(parsing: "110.00")))
        #expect(position.costBasis == (try Money(parsing: "-550.00", .USD)))
        #expect(try position.unrealizedPnL(at: Price(parsing: "105.00")) == Money(parsing: "25.00", .USD))
        try position.apply(fill: fill(.buy, "5", "104.00"))
        #expect(position.isFlat && position.costBasis.isZero && position.averageOpenPrice == nil)
        #expect(try position.unrealizedPnL(at: Price(parsing: "500.00")) == Money.zero(.USD))
        #expect(position.realizedPnL == (try Money(parsing: "127.50", .USD)))
        #expect(position.fillCount == 3)
        #expect(position.tsClosed == TestDefaults.time)
    }

    @Test func futuresUseTheMultiplier() throws {
        let es = TestDefaults.future
        var position = Position(id: try PositionID("P-ES"), instrument: es)
        try position.apply(fill: fill(.buy, "2", "4000.00", instrument: es))
        #expect(position.costBasis == (try Money(parsing: "400000.00", .USD)))
        #expect(try position.unrealizedPnL(at: Price(parsing: "3990.25")) == Money(parsing: "-975.00", .USD))
        try position.apply(fill: fill(.sell, "2", "4010.25", instrument: es))
        #expect(position.realizedPnL == (try Money(parsing: "1025.00", .USD)))
    }

    @Test func partialCloseReleasesProRataCostAndKeepsAveragePrice() throws {
        var position = Position(id: try PositionID("P-1"), instrument: goog)
        try position.apply(fill: fill(.buy, "3", "1.00", trade: 1))
        try position.apply(fill: fill(.buy, "1", "1.01", trade: 2))
        #expect(position.averageOpenPrice == (try Price(parsing: "1.002500")))
        try position.apply(fill: fill(.sell, "1", "1.00", trade: 3))
        // Released cost: 4.01 × 1/4 = 1.0025 → 1.00 (half-even); realized 1.00 − 1.00 = 0.
        #expect(position.realizedPnL == Money.zero(.USD))
        #expect(position.costBasis == (try Money(parsing: "3.01", .USD)))
        #expect(position.averageOpenPrice == (try Price(parsing: "1.002500")))
        try position.apply(fill: fill(.sell, "3", "1.00", trade: 4))
        #expect(position.realizedPnL == (try Money(parsing: "-0.01", .USD)))
    }

    @Test func commissionInAnotherCurrencyIsKeptApart() throws {
        var position = Position(id: try PositionID("P-1"), instrument: goog)
        let f = try FillBuilder().quantity("1").price("10.00").commission(Money(parsing: "0.001", .BNB)).build()
        try position.apply(fill: f)
        try position.apply(fill: f)
        #expect(position.commissions.isZero)
        #expect(position.otherCommissions[.BNB] == (try Money(parsing: "0.002", .BNB)))
    }

    @Test func refusesForeignFills() throws {
        var position = Position(id: try PositionID("P-1"), instrument: goog)
        let es = TestDefaults.future
        #expect(throws: PositionError.instrumentMismatch(position: position.id, expected: goog.id, got: es.id)) {
            try position.apply(fill: fill(.buy, "1", "4000.00", instrument: es))
        }
        let other = try PositionID("P-2")
        #expect(throws: PositionError.positionMismatch(expected: position.id, got: other)) {
            try position.apply(fill: FillBuilder().position(other).build())
        }
        #expect {
            try position.apply(fill: fill(.buy, "1", "4000.125"))
        } throws: { error in
            guard case PositionError.precisionMismatch = error else { return false }
            return true
        }
        #expect(position.fillCount == 0)
    }

    @Test func positionModes() throws {
        let f = try FillBuilder().build()
        #expect(try PositionMode.netting.positionID(for: f) == PositionID("GOOG.NASDAQ-S-001"))
        #expect(try PositionMode.hedging.positionID(for: f) == PositionID("O-1"))
        let assigned = f.assigned(to: try PositionID("P-9"))
        #expect(try PositionMode.hedging.positionID(for: assigned) == PositionID("P-9"))
        #expect(try PositionMode.netting.positionID(for: assigned) == PositionID("GOOG.NASDAQ-S-001"))
    }
}

/// Over any sequence of fills: realized + unrealized P&L equals the cash-flow view, the
/// signed quantity is the sum of signed fills, flat means zero unrealized P&L, and a flip
/// opens the new side at the fill price. Cash flows use `Instrument.notional`, an
/// implementation independent of the position's own.
@Suite struct PositionPropertyTests {
    static let fills = zip(Gen.bool, Gen.int64(in: 1...50), Gen.int64(in: 1...20_000), Gen.int64(in: 0...500))
        .array(of: 1...60)

    @Test(arguments: [TestDefaults.instrument, TestDefaults.future])
    func pnlReconcilesWithCashFlows(instrument: Instrument) async {
        await propertyCheck(input: Self.fills, Gen.int64(in: 1...20_000)) { steps, markTicks in
            var position = Position(id: try PositionID("P-1"), instrument: instrument)
            let tick = instrument.tickSize.raw
            var cash: Int64 = 0
            var signedQuantity: Int64 = 0
            for (n, (isBuy, lots, ticks, fee)) in steps.enumerated() {
                let side: OrderSide = isBuy ? .buy : .sell
                let quantity = Quantity(uncheckedRaw: lots, precision: instrument.sizePrecision)
                let price = Price(uncheckedRaw: ticks * tick, precision: instrument.pricePrecision)
                let fill = try OrderFilled(
                    clientOrderID: TestDefaults.clientOrderID(n), strategyID: TestDefaults.strategyID,
                    instrumentID: instrument.id, accountID: TestDefaults.accountID,
                    venueOrderID: TestDefaults.venueOrderID(n), tradeID: TestDefaults.tradeID(n), side: side,
                    orderType: .market, lastQuantity: quantity, lastPrice: price,
                    commission: Money(uncheckedRaw: fee, currency: .USD), liquiditySide: .taker,
                    tsEvent: TestDefaults.time)
                let before = signedQuantity
                try position.apply(fill: fill)
                let notional = try instrument.notional(quantity: quantity, price: price).raw
                cash += (isBuy ? -notional : notional) - fee
                signedQuantity += isBuy ? lots : -lots
                #expect(position.signedQuantityRaw == signedQuantity)
                if before != 0 && signedQuantity != 0 && (before > 0) != (signedQuantity > 0) {
                    #expect(position.averageOpenPrice == price, "a flip opens the new side at the fill price")
                }
                if signedQuantity == 0 {
                    #expect(position.side == .flat)
                    #expect(try position.unrealizedPnL(at: price).isZero)
                    #expect(position.costBasis.isZero)
                } else {
                    #expect(position.side == (signedQuantity > 0 ? .long : .short))
                }
            }
            let mark = Price(uncheckedRaw: markTicks * tick, precision: instrument.pricePrecision)
            let markValue = try instrument.notional(
                quantity: Quantity(uncheckedRaw: signedQuantity.magnitude == 0 ? 0 : Int64(signedQuantity.magnitude), precision: instrument.sizePrecision),
                price: mark
            ).raw
            let expected = cash + (signedQuantity < 0 ? -markValue : markValue)
            let realized = position.realizedPnL.raw
            let unrealized = try position.unrealizedPnL(at: mark).raw
            #expect(realized + unrealized == expected)
        }
    }
}
