public import BourseCore

/// Command: change a working order. `nil` fields keep their current value.
public struct ModifyOrder: Sendable, Hashable {
    public let clientOrderID: ClientOrderID
    public let strategyID: StrategyID
    public let instrumentID: InstrumentID
    /// The new total quantity (filled part included); must stay above the filled quantity.
    public let quantity: Quantity?
    public let price: Price?
    public let triggerPrice: Price?
    public let tsInit: UnixNanos

    public init(
        clientOrderID: ClientOrderID, strategyID: StrategyID, instrumentID: InstrumentID, quantity: Quantity? = nil,
        price: Price? = nil, triggerPrice: Price? = nil, tsInit: UnixNanos
    ) {
        self.clientOrderID = clientOrderID
        self.strategyID = strategyID
        self.instrumentID = instrumentID
        self.quantity = quantity
        self.price = price
        self.triggerPrice = triggerPrice
        self.tsInit = tsInit
    }
}
