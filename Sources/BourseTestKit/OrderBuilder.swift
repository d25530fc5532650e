public import BourseCore

/// Fluent construction of orders for tests, through the real checked initializers.
///
/// ```swift
/// let order = try OrderBuilder().limit("101.25").quantity("10").side(.sell).build()
/// ```
public struct OrderBuilder: Sendable {
    public var clientOrderID = TestDefaults.clientOrderID(1)
    public var strategyID = TestDefaults.strategyID
    public var instrumentID = TestDefaults.instrument.id
    public var side = OrderSide.buy
    public var type = OrderType.market
    public var quantity = "100"
    public var price: String?
    public var triggerPrice: String?
    public var trailingOffset: TrailingOffset?
    public var timeInForce = TimeInForce.gtc
    public var postOnly = false
    public var reduceOnly = false
    public var links = OrderLinks.none
    public var tsInit = TestDefaults.time

    public init() {}

    public func id(_ id: ClientOrderID) -> Self { with { $0.clientOrderID = id } }
    public func instrument(_ id: InstrumentID) -> Self { with { $0.instrumentID = id } }
    public func side(_ side: OrderSide) -> Self { with { $0.side = side } }
    public func type(_ type: OrderType) -> Self { with { $0.type = type } }
    public func quantity(_ text: String) -> Self { with { $0.quantity = text } }
    /// A limit order at `price`.
    public func limit(_ price: String) -> Self { with { $0.type = .limit; $0.price = price } }
    public func price(_ text: String?) -> Self { with { $0.price = text } }
    public func trigger(_ text: String?) -> Self { with { $0.triggerPrice = text } }
    public func trailing(_ offset: TrailingOffset?) -> Self { with { $0.trailingOffset = offset } }
    public func timeInForce(_ tif: TimeInForce) -> Self { with { $0.timeInForce = tif } }
    public func postOnly(_ flag: Bool = true) -> Self { with { $0.postOnly = flag } }
    public func reduceOnly(_ flag: Bool = true) -> Self { with { $0.reduceOnly = flag } }
    public func links(_ links: OrderLinks) -> Self { with { $0.links = links } }
    public func at(_ time: UnixNanos) -> Self { with { $0.tsInit = time } }

    /// The checked `OrderInitialized` event (parsing the decimal texts exactly).
    public func initialized() throws -> OrderInitialized {
        try OrderInitialized(
            clientOrderID: clientOrderID, strategyID: strategyID, instrumentID: instrumentID, side: side, type: type,
            quantity: Quantity(parsing: quantity), price: price.map { try Price(parsing: $0) },
            triggerPrice: triggerPrice.map { try Price(parsing: $0) }, trailingOffset: trailingOffset,
            timeInForce: timeInForce, postOnly: postOnly, reduceOnly: reduceOnly, links: links, tsInit: tsInit)
    }

    /// A new order in status `initialized`.
    public func build() throws -> Order { Order(try initialized()) }

    private func with(_ change: (inout Self) -> Void) -> Self {
        var copy = self
        change(&copy)
        return copy
    }
}
