import BourseCore
import BourseExecution
import Testing

/// A client that takes orders and answers nothing yet (a live adapter waiting for the venue's
/// acknowledgement): the orders stay `initialized` in the order manager's book.
private final class SilentClient: ExecutionClient {
    var venue: Venue { Fixture.venue }
    var accountID: AccountID { Fixture.accountID }
    func submit(_ command: SubmitOrder, events: inout [OrderEvent]) {}
    func submit(_ command: SubmitOrderList, events: inout [OrderEvent]) {}
    func modify(_ command: ModifyOrder, events: inout [OrderEvent]) {}
    func cancel(_ command: CancelOrder, events: inout [OrderEvent]) {}
    func cancelAll(_ command: CancelAllOrders, events: inout [OrderEvent]) {}
    func orderStatus(_ clientOrderID: ClientOrderID) -> OrderStatusReport? { nil }
    func openOrderReports() -> [OrderStatusReport] { [] }
    func positionReports() -> [PositionStatusReport] { [] }
    func balanceReports() -> [AccountBalance] { [] }
    func fills(since time: UnixNanos, after tradeID: TradeID?) -> [OrderFilled]? { nil }
}

@Suite("Order manager: which orders are open")
struct OpenOrdersTests {
    /// Open means not closed: an order handed to the client counts from then on, even before the
    /// client confirms it as submitted, because it may already be on its way to the venue.
    @Test func anOrderTheClientHasNotConfirmedIsOpenInEveryForm() throws {
        let oms = OrderManager(client: SilentClient())
        var events: [OrderEvent] = []
        try oms.submit(SubmitOrder(order: Fixture.order(1, .buy, .limit, price: "99.00"), tsInit: Fixture.t0), events: &events)
        #expect(events.isEmpty)
        #expect(oms.status(of: Fixture.id(1)) == .initialized)
        let ids = [Fixture.id(1)]
        #expect(oms.openOrders().map(\.clientOrderID) == ids)
        #expect(oms.openOrders(instrumentID: Fixture.instrument.id).map(\.clientOrderID) == ids)
        #expect(oms.openOrders(strategyID: Fixture.strategy).map(\.clientOrderID) == ids)
        #expect(oms.openOrders(instrumentID: Fixture.instrument.id, strategyID: Fixture.strategy).map(\.clientOrderID) == ids)
        #expect(oms.openOrders(strategyID: try StrategyID("OTHER")).isEmpty)
        #expect(oms.openLeavesRaw(instrumentID: Fixture.instrument.id) == (buy: 10, sell: 0))
        // The client's answer closes it: then no form lists it.
        oms.apply(.rejected(OrderRejected(
            clientOrderID: Fixture.id(1), strategyID: Fixture.strategy, instrumentID: Fixture.instrument.id,
            accountID: Fixture.accountID, reason: "closed market", tsEvent: Fixture.t0)))
        #expect(oms.unappliedEvents.isEmpty)
        #expect(oms.openOrders().isEmpty)
        #expect(oms.openOrders(instrumentID: Fixture.instrument.id).isEmpty)
        #expect(oms.openLeavesRaw(instrumentID: Fixture.instrument.id) == (buy: 0, sell: 0))
    }

    @Test func bothFormsAgreeOnAMixedBook() throws {
        let h = try Harness()
        try h.submit(Fixture.order(1, .buy, .limit, price: "99.00"))
        try h.submit(Fixture.order(2, .sell, .limit, price: "101.00"))
        try h.submit(Fixture.order(3, .buy, .market))
        try h.bar(1, "100.00", "100.50", "99.50", "100.00")  // fills 3 only
        #expect(h.oms.status(of: Fixture.id(3)) == .filled)
        let all = h.oms.openOrders()
        #expect(all.map(\.clientOrderID) == [Fixture.id(1), Fixture.id(2)])
        #expect(h.oms.openOrders(instrumentID: Fixture.instrument.id) == all)
        #expect(h.oms.openOrders(strategyID: Fixture.strategy) == all)
        #expect(all.allSatisfy { !$0.isClosed })
    }
}
