import BourseCore
import BourseTestKit
import OrderedCollections
import Testing

@Suite struct OrderTests {
    let events = OrderEventFactory()

    @Test func validOrdersOfEveryType() throws {
        let trail = try TrailingOffset(Price(parsing: "0.50"), limitOffset: Price(parsing: "0.10"), type: .price)
        let orders: [OrderBuilder] = [
            OrderBuilder(),
            OrderBuilder().limit("100.00").postOnly(),
            OrderBuilder().type(.stopMarket).trigger("95.00"),
            OrderBuilder().type(.stopLimit).price("94.50").trigger("95.00"),
            OrderBuilder().type(.marketIfTouched).trigger("105.00"),
            OrderBuilder().type(.limitIfTouched).price("105.50").trigger("105.00"),
            OrderBuilder().type(.trailingStopMarket).trailing(trail),
            OrderBuilder().type(.trailingStopLimit).trailing(trail),
        ]
        #expect(Set(try orders.map { try $0.build().type }) == Set(OrderType.allCases))
    }

    @Test(arguments: [
        (OrderBuilder().quantity("0"), OrderError.nonPositiveQuantity),
        (OrderBuilder().type(.limit), .missingPrice(.limit)),
        (OrderBuilder().price("1.00"), .unexpectedPrice(.market)),
        (OrderBuilder().type(.stopLimit).price("1.00"), .missingTriggerPrice(.stopLimit)),
        (OrderBuilder().limit("1.00").trigger("1.00"), .unexpectedTriggerPrice(.limit)),
        (OrderBuilder().type(.trailingStopMarket), .missingTrailingOffset(.trailingStopMarket)),
        (OrderBuilder().postOnly(), .postOnlyNotAllowed(.market)),
        (
            OrderBuilder().links(OrderLinks(contingency: .oco)),
            .invalidLinks("a oco order needs linked orders")
        ),
        (
            OrderBuilder().links(OrderLinks(contingency: .oco, linkedOrderIDs: [TestDefaults.clientOrderID(1)])),
            .invalidLinks("order O-1 links to itself")
        ),
    ])
    func invalidOrders(builder: OrderBuilder, error: OrderError) {
        #expect(throws: error) { try builder.initialized() }
    }

    @Test func trailingOffsetRules() throws {
        let trail = try TrailingOffset(Price(parsing: "0.50"), type: .ticks)
        #expect(throws: OrderError.unexpectedTrailingOffset(.limit)) {
            try OrderBuilder().limit("1.00").trailing(trail).initialized()
        }
        #expect(throws: OrderError.missingTrailingOffset(.trailingStopLimit)) {
            try OrderBuilder().type(.trailingStopLimit).trailing(trail).initialized()
        }
        #expect(throws: OrderError.invalidTrailingOffset("trailing offset 0.00 must be positive")) {
            try TrailingOffset(Price(parsing: "0.00"), type: .price)
        }
    }

    @Test func timeInForceRules() throws {
        let past = TimeInForce.gtd(expiry: TestDefaults.time)
        #expect {
            try OrderBuilder().timeInForce(.gtd(expiry: TestDefaults.time + .days(1))).initialized()
        } throws: { error in
            guard case OrderError.invalidTimeInForce(.market, _, _) = error else { return false }
            return true
        }
        #expect {
            try OrderBuilder().limit("1.00").timeInForce(past).initialized()
        } throws: { error in
            guard case OrderError.invalidTimeInForce(.limit, past, _) = error else { return false }
            return true
        }
        #expect(throws: (any Error).self) {
            try OrderBuilder().type(.stopMarket).trigger("1.00").timeInForce(.atTheClose).initialized()
        }
        let gtd = try OrderBuilder().limit("1.00").timeInForce(.gtd(expiry: TestDefaults.time + .days(1))).build()
        #expect(gtd.timeInForce.expiry == TestDefaults.time + .days(1))
    }

    @Test func fillsDeriveFilledLeavesAndExactAveragePrice() throws {
        var order = try OrderBuilder().limit("10.00").quantity("3").build()
        try order.apply(events.event(.submitted, for: order))
        try order.apply(events.event(.accepted, for: order))
        let fill1 = try FillBuilder(for: order).quantity("1").price("10.00").trade(1).commission(Money(parsing: "0.01", .USD)).build()
        let fill2 = try FillBuilder(for: order).quantity("2").price("10.01").trade(2).commission(Money(parsing: "0.02", .USD)).build()
        try order.apply(.filled(fill1))
        #expect(order.status == .partiallyFilled)
        #expect(order.leavesQuantity == Quantity(uncheckedRaw: 2, precision: 0))
        try order.apply(.filled(fill2))
        #expect(order.status == .filled)
        #expect(order.filledQuantity == Quantity(uncheckedRaw: 3, precision: 0))
        #expect(order.leavesQuantity.isZero)
        // (10.00 + 2 × 10.01) / 3 = 10.006666… → 10.006667 at 2 + 4 decimals, half-even.
        #expect(order.averageFillPrice == (try Price(parsing: "10.006667")))
        #expect(order.averageFillPrice?.precision == 6)
        #expect(abs((order.averageFillPriceDouble ?? 0) - 30.02 / 3) < 1e-12)
        #expect(order.commissions[.USD] == (try Money(parsing: "0.03", .USD)))
        #expect(order.tradeIDs == [TestDefaults.tradeID(1), TestDefaults.tradeID(2)])
        #expect(order.events.map(\.kind) == [.initialized, .submitted, .accepted, .filled, .filled])
        #expect(try Order(replaying: order.events) == order)
    }

    @Test func overfillDuplicateAndWrongSideAreRefused() throws {
        var order = try OrderBuilder().limit("10.00").quantity("3").build()
        try order.apply(events.event(.submitted, for: order))
        let fill = try FillBuilder(for: order).quantity("2").trade(1).build()
        try order.apply(.filled(fill))
        let before = order
        let tooMuch = try FillBuilder(for: order).quantity("2").trade(2).build()
        #expect(
            throws: OrderError.overfill(
                order.clientOrderID, quantity: order.quantity, filled: order.filledQuantity, fill: tooMuch.lastQuantity)
        ) { try order.apply(.filled(tooMuch)) }
        #expect(throws: OrderError.duplicateFill(order.clientOrderID, TestDefaults.tradeID(1))) {
            try order.apply(.filled(FillBuilder(for: order).quantity("1").trade(1).build()))
        }
        #expect(throws: OrderError.fillSideMismatch(order.clientOrderID, order: .buy, fill: .sell)) {
            try order.apply(.filled(FillBuilder(for: order).quantity("1").trade(3).side(.sell).build()))
        }
        #expect(order == before)
    }

    @Test func eventForAnotherOrderIsRefused() throws {
        var order = try OrderBuilder().build()
        let other = try OrderBuilder().id(TestDefaults.clientOrderID(2)).build()
        #expect(throws: OrderError.wrongOrder(expected: order.clientOrderID, got: other.clientOrderID)) {
            try order.apply(events.event(.submitted, for: other))
        }
    }

    @Test func updateChangesQuantityAndPrice() throws {
        var order = try OrderBuilder().limit("10.00").quantity("5").build()
        try order.apply(events.event(.submitted, for: order))
        try order.apply(events.event(.accepted, for: order))
        try order.apply(.filled(FillBuilder(for: order).quantity("2").trade(1).build()))
        try order.apply(events.event(.pendingUpdate, for: order))
        let update = OrderUpdated(
            clientOrderID: order.clientOrderID, strategyID: order.strategyID, instrumentID: order.instrumentID,
            quantity: try Quantity(parsing: "4"), price: try Price(parsing: "10.05"), tsEvent: TestDefaults.time)
        try order.apply(.updated(update))
        #expect(order.status == .partiallyFilled)
        #expect(order.quantity == (try Quantity(parsing: "4")))
        #expect(order.price == (try Price(parsing: "10.05")))
        #expect(order.leavesQuantity == (try Quantity(parsing: "2")))
        let tooSmall = OrderUpdated(
            clientOrderID: order.clientOrderID, strategyID: order.strategyID, instrumentID: order.instrumentID,
            quantity: try Quantity(parsing: "2"), tsEvent: TestDefaults.time)
        #expect {
            try order.apply(.updated(tooSmall))
        } throws: { error in
            guard case OrderError.invalidUpdate = error else { return false }
            return true
        }
    }

    @Test func replayNeedsInitializedFirst() throws {
        let order = try OrderBuilder().build()
        let submitted = try events.event(.submitted, for: order)
        #expect(throws: OrderError.historyWithoutInitialized) { try Order(replaying: [submitted]) }
    }

    @Test func bracketLinksThreeOrders() throws {
        let bracket = try BracketOrder(
            orderListID: OrderListID("B-1"), entryID: TestDefaults.clientOrderID(1),
            takeProfitID: TestDefaults.clientOrderID(2), stopLossID: TestDefaults.clientOrderID(3),
            strategyID: TestDefaults.strategyID, instrumentID: TestDefaults.instrument.id, side: .buy,
            quantity: Quantity(parsing: "10"), entryPrice: Price(parsing: "100.00"),
            takeProfitPrice: Price(parsing: "110.00"), stopLossTriggerPrice: Price(parsing: "95.00"),
            tsInit: TestDefaults.time)
        #expect(bracket.entry.type == .limit && bracket.entry.links.contingency == .oto)
        #expect(bracket.entry.links.linkedOrderIDs == [TestDefaults.clientOrderID(2), TestDefaults.clientOrderID(3)])
        #expect(bracket.takeProfit.side == .sell && bracket.takeProfit.type == .limit && bracket.takeProfit.reduceOnly)
        let stopLossTrigger = try Price(parsing: "95.00")
        #expect(bracket.stopLoss.type == .stopMarket && bracket.stopLoss.triggerPrice == stopLossTrigger)
        let listID = try OrderListID("B-1")
        #expect(bracket.orders.allSatisfy { $0.links.orderListID == listID })
        #expect(bracket.takeProfit.links.contingency == .oco && bracket.stopLoss.links.contingency == .oco)
        #expect(bracket.takeProfit.links.linkedOrderIDs == [TestDefaults.clientOrderID(3)])
        #expect(bracket.stopLoss.links.parentOrderID == TestDefaults.clientOrderID(1))
        #expect {
            try BracketOrder(
                orderListID: OrderListID("B-2"), entryID: TestDefaults.clientOrderID(1),
                takeProfitID: TestDefaults.clientOrderID(2), stopLossID: TestDefaults.clientOrderID(3),
                strategyID: TestDefaults.strategyID, instrumentID: TestDefaults.instrument.id, side: .buy,
                quantity: Quantity(parsing: "10"), takeProfitPrice: Price(parsing: "90.00"),
                stopLossTriggerPrice: Price(parsing: "95.00"), tsInit: TestDefaults.time)
        } throws: { error in
            guard case OrderError.invalidLinks = error else { return false }
            return true
        }
    }

    @Test func instrumentValidatesOrders() throws {
        let goog = TestDefaults.instrument
        try goog.validate(order: OrderBuilder().limit("101.25").quantity("10").build())
        #expect {
            try goog.validate(order: OrderBuilder().limit("101.255").build())
        } throws: { error in
            (error as? InstrumentFilterError)?.reason == "price 101.255 has more than 2 decimals"
        }
        #expect {
            try TestDefaults.crypto.validate(
                order: OrderBuilder().instrument(TestDefaults.crypto.id).limit("40000.00").quantity("0.0001").build())
        } throws: { error in
            (error as? InstrumentFilterError)?.reason == "notional 4.00000000 USDT is below the minimum 5.00000000 USDT"
        }
        #expect {
            try TestDefaults.future.validate(order: OrderBuilder().type(.stopMarket).trigger("4000.10").build())
        } throws: { error in
            guard let e = error as? InstrumentFilterError else { return false }
            return e.reason.contains("is for GOOG.NASDAQ")
        }
        #expect {
            try TestDefaults.future.validate(
                order: OrderBuilder().instrument(TestDefaults.future.id).type(.stopMarket).trigger("4000.10").quantity("1").build())
        } throws: { error in
            (error as? InstrumentFilterError)?.reason == "price 4000.10 is not a multiple of the tick size 0.25"
        }
        #expect {
            try TestDefaults.future.validate(
                order: OrderBuilder().instrument(TestDefaults.future.id).type(.stopLimit).price("4000.00").trigger("4000.10").quantity("1").build())
        } throws: { error in
            (error as? InstrumentFilterError)?.reason == "trigger price 4000.10 is not a multiple of the tick size 0.25"
        }
    }

    /// The parameters are shared behind a reference, but values compare and hash by content.
    @Test func parametersCompareAndHashByValue() throws {
        let a = try OrderBuilder().limit("100.00").initialized()
        let b = try OrderBuilder().limit("100.00").initialized()
        let other = try OrderBuilder().limit("100.01").initialized()
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(a != other)
        #expect(Set([a, b, other]).count == 2)
        #expect(Order(a) == Order(b))
        #expect(a.price == (try Price(parsing: "100.00")) && a.type == .limit && a.clientOrderID == b.clientOrderID)
    }
}
