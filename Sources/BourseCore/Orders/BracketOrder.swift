/// A bracket: an entry order plus a take-profit and a stop-loss that protect the
/// position it opens. The entry is OTO (its fill releases the two children); the
/// children are an OCO pair (one filling cancels the other), reduce-only, on the
/// opposite side, with the entry as parent.
///
/// ```swift
/// let bracket = try BracketOrder(
///     orderListID: OrderListID("B-1"), entryID: ClientOrderID("O-1"), takeProfitID: ClientOrderID("O-2"),
///     stopLossID: ClientOrderID("O-3"), strategyID: strategy, instrumentID: goog.id, side: .buy,
///     quantity: Quantity(parsing: "10"), entryPrice: Price(parsing: "100.00"),
///     takeProfitPrice: Price(parsing: "110.00"), stopLossTriggerPrice: Price(parsing: "95.00"), tsInit: now)
/// bracket.orders   // [entry, takeProfit, stopLoss]
/// ```
public struct BracketOrder: Sendable, Hashable {
    public let orderListID: OrderListID
    /// Limit entry when an entry price is given, market entry otherwise.
    public let entry: OrderInitialized
    /// A limit order at the take-profit price.
    public let takeProfit: OrderInitialized
    /// A stop-market order triggered at the stop-loss price.
    public let stopLoss: OrderInitialized

    /// Builds the three linked orders; throws ``OrderError`` when a price is on the wrong
    /// side (for a buy: stop-loss < entry < take-profit; the mirror for a sell) or an order is invalid.
    public init(
        orderListID: OrderListID,
        entryID: ClientOrderID,
        takeProfitID: ClientOrderID,
        stopLossID: ClientOrderID,
        strategyID: StrategyID,
        instrumentID: InstrumentID,
        side: OrderSide,
        quantity: Quantity,
        entryPrice: Price? = nil,
        takeProfitPrice: Price,
        stopLossTriggerPrice: Price,
        timeInForce: TimeInForce = .gtc,
        tsInit: UnixNanos
    ) throws(OrderError) {
        let ids = [entryID, takeProfitID, stopLossID]
        guard Set(ids).count == 3 else { throw .invalidLinks("a bracket needs three distinct client order ids") }
        let lower = side == .buy ? stopLossTriggerPrice : takeProfitPrice
        let upper = side == .buy ? takeProfitPrice : stopLossTriggerPrice
        guard lower < upper, entryPrice.map({ lower < $0 && $0 < upper }) ?? true else {
            throw .invalidLinks(
                "a \(side) bracket needs \(side == .buy ? "stop-loss < entry < take-profit" : "take-profit < entry < stop-loss"), got entry \(entryPrice.map(String.init(describing:)) ?? "market"), take-profit \(takeProfitPrice), stop-loss \(stopLossTriggerPrice)"
            )
        }
        entry = try OrderInitialized(
            clientOrderID: entryID, strategyID: strategyID, instrumentID: instrumentID, side: side,
            type: entryPrice == nil ? .market : .limit, quantity: quantity, price: entryPrice,
            timeInForce: timeInForce,
            links: OrderLinks(contingency: .oto, linkedOrderIDs: [takeProfitID, stopLossID], orderListID: orderListID),
            tsInit: tsInit)
        takeProfit = try OrderInitialized(
            clientOrderID: takeProfitID, strategyID: strategyID, instrumentID: instrumentID, side: side.opposite,
            type: .limit, quantity: quantity, price: takeProfitPrice, timeInForce: timeInForce, reduceOnly: true,
            links: OrderLinks(
                contingency: .oco, linkedOrderIDs: [stopLossID], parentOrderID: entryID, orderListID: orderListID),
            tsInit: tsInit)
        stopLoss = try OrderInitialized(
            clientOrderID: stopLossID, strategyID: strategyID, instrumentID: instrumentID, side: side.opposite,
            type: .stopMarket, quantity: quantity, triggerPrice: stopLossTriggerPrice, timeInForce: timeInForce,
            reduceOnly: true,
            links: OrderLinks(
                contingency: .oco, linkedOrderIDs: [takeProfitID], parentOrderID: entryID, orderListID: orderListID),
            tsInit: tsInit)
        self.orderListID = orderListID
    }

    /// The three orders: entry, take-profit, stop-loss.
    public var orders: [OrderInitialized] { [entry, takeProfit, stopLoss] }
}
