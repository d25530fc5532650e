/// Top of book at one moment: best bid and ask with their sizes.
public struct QuoteTick: Sendable, Hashable {
    public let instrumentID: InstrumentID
    public let bid: Price
    public let ask: Price
    public let bidSize: Quantity
    public let askSize: Quantity
    public let tsEvent: UnixNanos
    public let tsInit: UnixNanos

    /// A checked quote: equal price precisions; a crossed book (`bid > ask`) is an error.
    public init(
        instrumentID: InstrumentID, bid: Price, ask: Price, bidSize: Quantity, askSize: Quantity,
        tsEvent: UnixNanos, tsInit: UnixNanos? = nil
    ) throws(MarketDataError) {
        guard bid.precision == ask.precision else { throw .invalid("bid \(bid) and ask \(ask) have different precisions") }
        guard bid <= ask else { throw .invalid("crossed quote: bid \(bid) above ask \(ask)") }
        self.instrumentID = instrumentID
        self.bid = bid
        self.ask = ask
        self.bidSize = bidSize
        self.askSize = askSize
        self.tsEvent = tsEvent
        self.tsInit = tsInit ?? tsEvent
    }

    /// The mid price, rounded half-even to one more decimal when needed.
    public var mid: Price {
        let sum = Int128(bid.raw) + Int128(ask.raw)
        if sum % 2 == 0 { return Price(uncheckedRaw: Int64(sum / 2), precision: bid.precision) }
        return Price(uncheckedRaw: Int64(sum * 5), precision: bid.precision + 1)
    }
}
