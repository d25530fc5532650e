public import BourseCore

/// Fluent construction of fills for tests, through the real checked initializer.
///
/// ```swift
/// let fill = try FillBuilder(for: order).quantity("10").price("101.25").build()
/// ```
public struct FillBuilder: Sendable {
    public var clientOrderID = TestDefaults.clientOrderID(1)
    public var strategyID = TestDefaults.strategyID
    public var instrumentID = TestDefaults.instrument.id
    public var accountID = TestDefaults.accountID
    public var venueOrderID = TestDefaults.venueOrderID(1)
    public var tradeID = TestDefaults.tradeID(1)
    public var positionID: PositionID?
    public var side = OrderSide.buy
    public var orderType = OrderType.market
    public var quantity = "100"
    public var price = "100.00"
    public var commission = Money.zero(.USD)
    public var liquiditySide = LiquiditySide.taker
    public var tsEvent = TestDefaults.time

    public init() {}

    /// A fill of `order` (its ids, side and type).
    public init(for order: Order) {
        clientOrderID = order.clientOrderID
        strategyID = order.strategyID
        instrumentID = order.instrumentID
        side = order.side
        orderType = order.type
        quantity = order.leavesQuantity.description
        if let price = order.price { self.price = price.description }
    }

    public func side(_ side: OrderSide) -> Self { with { $0.side = side } }
    public func quantity(_ text: String) -> Self { with { $0.quantity = text } }
    public func price(_ text: String) -> Self { with { $0.price = text } }
    public func commission(_ money: Money) -> Self { with { $0.commission = money } }
    public func trade(_ id: TradeID) -> Self { with { $0.tradeID = id } }
    public func trade(_ n: Int) -> Self { with { $0.tradeID = TestDefaults.tradeID(n) } }
    public func instrument(_ id: InstrumentID) -> Self { with { $0.instrumentID = id } }
    public func position(_ id: PositionID?) -> Self { with { $0.positionID = id } }
    public func liquidity(_ side: LiquiditySide) -> Self { with { $0.liquiditySide = side } }
    public func at(_ time: UnixNanos) -> Self { with { $0.tsEvent = time } }

    /// The checked fill.
    public func build() throws -> OrderFilled {
        try OrderFilled(
            clientOrderID: clientOrderID, strategyID: strategyID, instrumentID: instrumentID, accountID: accountID,
            venueOrderID: venueOrderID, tradeID: tradeID, positionID: positionID, side: side, orderType: orderType,
            lastQuantity: Quantity(parsing: quantity), lastPrice: Price(parsing: price), commission: commission,
            liquiditySide: liquiditySide, tsEvent: tsEvent)
    }

    private func with(_ change: (inout Self) -> Void) -> Self {
        var copy = self
        change(&copy)
        return copy
    }
}
