/// Which side took liquidity in a trade.
public enum AggressorSide: String, Sendable, Hashable, Codable {
    case buyer, seller, none
}

/// One trade printed by a venue.
public struct TradeTick: Sendable, Hashable {
    public let instrumentID: InstrumentID
    public let price: Price
    public let size: Quantity
    public let aggressor: AggressorSide
    public let tradeID: TradeID?
    public let tsEvent: UnixNanos
    public let tsInit: UnixNanos

    public init(
        instrumentID: InstrumentID, price: Price, size: Quantity, aggressor: AggressorSide = .none,
        tradeID: TradeID? = nil, tsEvent: UnixNanos, tsInit: UnixNanos? = nil
    ) {
        self.instrumentID = instrumentID
        self.price = price
        self.size = size
        self.aggressor = aggressor
        self.tradeID = tradeID
        self.tsEvent = tsEvent
        self.tsInit = tsInit ?? tsEvent
    }
}
