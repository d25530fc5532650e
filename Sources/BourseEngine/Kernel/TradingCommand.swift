public import BourseCore

/// An order command from a strategy. Every command passes the ``RiskGate`` before it
/// reaches the order manager and the venue; there is no other path.
public enum TradingCommand: Sendable, Hashable {
    /// Submit one order.
    case submit(OrderInitialized)
    /// Submit a bracket (entry, take-profit, stop-loss).
    case submitBracket(BracketOrder)
    /// Submit a market order whose quantity is set when it fills (see ``SizedMarketOrder``).
    case submitSized(SizedMarketOrder)
    /// Change a working order's quantity or prices.
    case modify(ModifyOrder)
    /// Cancel a working order.
    case cancel(ClientOrderID)

    /// The instrument the command is about (`nil` for a cancel, which names only an order).
    public var instrumentID: InstrumentID? {
        switch self {
        case .submit(let order): order.instrumentID
        case .submitBracket(let bracket): bracket.entry.instrumentID
        case .submitSized(let order): order.instrumentID
        case .modify(let modify): modify.instrumentID
        case .cancel: nil
        }
    }
}

/// A market order sized at its fill: the quantity is the largest number of lots that the
/// available funds cover at the fill price, commission included (see ``OrderSizing``).
/// This is how "buy with all available cash" is expressed when the fill price (the next
/// bar's open) is not known at signal time.
public struct SizedMarketOrder: Sendable, Hashable {
    public let clientOrderID: ClientOrderID
    public let strategyID: StrategyID
    public let instrumentID: InstrumentID
    public let side: OrderSide
    public let sizing: OrderSizing
    public let tsInit: UnixNanos

    public init(
        clientOrderID: ClientOrderID, strategyID: StrategyID, instrumentID: InstrumentID, side: OrderSide,
        sizing: OrderSizing, tsInit: UnixNanos
    ) {
        self.clientOrderID = clientOrderID
        self.strategyID = strategyID
        self.instrumentID = instrumentID
        self.side = side
        self.sizing = sizing
        self.tsInit = tsInit
    }
}

/// How a ``SizedMarketOrder`` sets its quantity at the fill price `p`, with commission rate `c`.
public enum OrderSizing: Sendable, Hashable, Codable {
    /// `floor(buying power / (p × (1 + c)))` lots, where buying power is the free cash
    /// (cash account) or `(equity − margin used) × leverage` (margin account).
    case allAvailableFunds
    /// The same with `fraction` (0…1] of the buying power.
    case fractionOfFunds(Double)
}

/// A change to a working order: `nil` fields stay as they are.
public struct ModifyOrder: Sendable, Hashable {
    public let clientOrderID: ClientOrderID
    public let instrumentID: InstrumentID
    public let quantity: Quantity?
    public let price: Price?
    public let triggerPrice: Price?

    public init(
        clientOrderID: ClientOrderID, instrumentID: InstrumentID, quantity: Quantity? = nil, price: Price? = nil,
        triggerPrice: Price? = nil
    ) {
        self.clientOrderID = clientOrderID
        self.instrumentID = instrumentID
        self.quantity = quantity
        self.price = price
        self.triggerPrice = triggerPrice
    }
}
