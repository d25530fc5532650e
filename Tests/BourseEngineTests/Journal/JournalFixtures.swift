import BourseCore
import BourseEngine
import BourseExecution
import BourseTestKit

/// Shared values for the journal tests: one of every record kind, and small paper sessions.
enum JournalFixtures {
    static let instrument = TestDefaults.instrument
    static let strategyID = TestDefaults.strategyID
    static let accountID = TestDefaults.accountID
    static let t0 = TestDefaults.time

    static func id(_ text: String) throws -> ClientOrderID { try ClientOrderID(text) }

    /// A limit order with every optional field used.
    static func order(_ n: Int, linkedTo m: Int) throws -> OrderInitialized {
        try OrderInitialized(
            clientOrderID: id("O-\(n)"), strategyID: strategyID, instrumentID: instrument.id, side: .buy, type: .stopLimit,
            quantity: Quantity(raw: 10, precision: 0), price: Price(raw: 10_050, precision: 2),
            triggerPrice: Price(raw: 10_000, precision: 2), timeInForce: .gtd(expiry: t0 + .seconds(60)), postOnly: true,
            links: OrderLinks(contingency: .oco, linkedOrderIDs: [id("O-\(m)")], orderListID: OrderListID("L-1")),
            tsInit: t0)
    }

    /// One entry of every kind the codec knows.
    static func everyEntry() throws -> [JournalEntry] {
        let o = try order(1, linkedTo: 2)
        let v = try VenueOrderID("V-1")
        let fill = try OrderFilled(
            clientOrderID: o.clientOrderID, strategyID: strategyID, instrumentID: instrument.id, accountID: accountID,
            venueOrderID: v, tradeID: TradeID("T-1"), positionID: PositionID("P-1"), side: .buy, orderType: .stopLimit,
            lastQuantity: Quantity(raw: 4, precision: 0), lastPrice: Price(raw: 10_050, precision: 2),
            commission: Money(uncheckedRaw: 12, currency: .USD), liquiditySide: .maker, tsEvent: t0 + .seconds(2),
            tsInit: t0 + .seconds(3))
        let c = o.clientOrderID
        let s = strategyID
        let i = instrument.id
        let t = t0 + .seconds(1)
        let trailing = try OrderInitialized(
            clientOrderID: id("O-9"), strategyID: s, instrumentID: i, side: .sell, type: .trailingStopLimit,
            quantity: Quantity(raw: 3, precision: 0),
            trailingOffset: TrailingOffset(Price(raw: 50, precision: 2), limitOffset: Price(raw: 10, precision: 2), type: .price),
            timeInForce: .day, reduceOnly: true, tsInit: t0)
        let events: [OrderEvent] = [
            .initialized(o), .initialized(trailing),
            .denied(OrderDenied(clientOrderID: c, strategyID: s, instrumentID: i, reason: "too big ✓", tsEvent: t)),
            .submitted(OrderSubmitted(clientOrderID: c, strategyID: s, instrumentID: i, accountID: accountID, tsEvent: t)),
            .accepted(OrderAccepted(clientOrderID: c, strategyID: s, instrumentID: i, venueOrderID: v, accountID: accountID, tsEvent: t)),
            .rejected(OrderRejected(clientOrderID: c, strategyID: s, instrumentID: i, accountID: accountID, reason: "no", tsEvent: t)),
            .canceled(OrderCanceled(clientOrderID: c, strategyID: s, instrumentID: i, venueOrderID: v, tsEvent: t)),
            .expired(OrderExpired(clientOrderID: c, strategyID: s, instrumentID: i, accountID: accountID, tsEvent: t)),
            .triggered(OrderTriggered(clientOrderID: c, strategyID: s, instrumentID: i, venueOrderID: v, accountID: accountID, tsEvent: t)),
            .pendingUpdate(OrderPendingUpdate(clientOrderID: c, strategyID: s, instrumentID: i, tsEvent: t, tsInit: t0)),
            .pendingCancel(OrderPendingCancel(clientOrderID: c, strategyID: s, instrumentID: i, venueOrderID: v, tsEvent: t)),
            .modifyRejected(OrderModifyRejected(clientOrderID: c, strategyID: s, instrumentID: i, reason: "r1", tsEvent: t)),
            .cancelRejected(OrderCancelRejected(clientOrderID: c, strategyID: s, instrumentID: i, venueOrderID: v, reason: "r2", tsEvent: t)),
            .updated(OrderUpdated(
                clientOrderID: c, strategyID: s, instrumentID: i, venueOrderID: v, quantity: try Quantity(raw: 8, precision: 0),
                price: try Price(raw: 10_040, precision: 2), tsEvent: t)),
            .filled(fill),
        ]
        let commands: [JournalCommand] = [
            .submit(SubmitOrder(order: o, positionID: try PositionID("P-1"), tsInit: t)),
            .submitList(try SubmitOrderList(orderListID: try OrderListID("L-1"), orders: [o, try order(2, linkedTo: 1)], tsInit: t)),
            .modify(BourseExecution.ModifyOrder(
                clientOrderID: c, strategyID: s, instrumentID: i, quantity: try Quantity(raw: 5, precision: 0),
                triggerPrice: try Price(raw: 9_900, precision: 2),
                tsInit: t)),
            .cancel(CancelOrder(clientOrderID: c, strategyID: s, instrumentID: i, tsInit: t)),
            .cancelAll(CancelAllOrders(strategyID: s, instrumentID: i, side: .sell, tsInit: t)),
        ]
        return events.map { .event($0) } + commands.map { .command($0) } + [
            .marketData(MarketDataMark(instrumentID: i, index: 42, tsEvent: t)),
            .audit(AuditEntry(category: .killSwitch, actor: "alice", action: "engaged", reason: "drawdown 5 %", clientOrderID: c)),
            .audit(AuditEntry(category: .configurationChange, actor: "bob", action: "set risk.max-order=10", reason: "new limit")),
            .sessionStart(SessionStart(
                instruments: [instrument, TestDefaults.future, TestDefaults.crypto, try taggedEquity()], accountID: accountID,
                startingBalances: [Money(uncheckedRaw: 10_000_00, currency: .USD), Money(uncheckedRaw: 5_000_000, currency: .USDT)],
                tracksCash: false)),
        ]
    }

    /// An equity with every optional rule set (quantity limits, min notional, fees, tags).
    static func taggedEquity() throws -> Instrument {
        try Instrument(
            id: InstrumentID("SAP.XETRA"), assetClass: .equity, quoteCurrency: .EUR, tickSize: Price(parsing: "0.01"),
            lotSize: Quantity(parsing: "1"), minQuantity: Quantity(parsing: "1"), maxQuantity: Quantity(parsing: "10000"),
            minNotional: Money(parsing: "50", .EUR), makerFee: Rate(parsing: "0.0005"), takerFee: Rate(parsing: "0.001"),
            tags: ["software", "DAX"])
    }

    /// `count` random bars of the test instrument.
    static func bars(count: Int, seed: UInt64) throws -> [Bar] {
        var rng = SplitMix64(seed: seed)
        let barType = BarType(instrumentID: instrument.id, spec: .oneMinute)
        return try RandomMarket.bars(
            count: count, barType: barType, start: Price(raw: 10_000, precision: 2), firstClose: t0, using: &rng)
    }

    static func configuration(bars: [Bar], fast: Int = 3, slow: Int = 8, snapshotEvery: Int = 25) throws -> PaperSessionConfiguration {
        PaperSessionConfiguration(
            instrument: instrument, bars: bars, startingCash: Money(uncheckedRaw: 10_000_00, currency: .USD), strategyID: strategyID,
            accountID: accountID, strategy: try PaperStrategy(fast: fast, slow: slow, quantity: Quantity(raw: 5, precision: 0)),
            snapshotEvery: snapshotEvery, actor: "test")
    }
}
