/// What every order event carries: which order, whose, on what, and when.
///
/// `tsEvent` is when the fact happened (at the venue for venue events);
/// `tsInit` is when Bourse created the event value. Every payload of ``OrderEvent``
/// holds one header and reads these fields through it (see ``OrderEventFields``).
public struct OrderEventHeader: Sendable, Hashable {
    public let clientOrderID: ClientOrderID
    public let strategyID: StrategyID
    public let instrumentID: InstrumentID
    public let tsEvent: UnixNanos
    public let tsInit: UnixNanos

    /// The header; `tsInit` defaults to `tsEvent`.
    public init(
        clientOrderID: ClientOrderID,
        strategyID: StrategyID,
        instrumentID: InstrumentID,
        tsEvent: UnixNanos,
        tsInit: UnixNanos? = nil
    ) {
        self.clientOrderID = clientOrderID
        self.strategyID = strategyID
        self.instrumentID = instrumentID
        self.tsEvent = tsEvent
        self.tsInit = tsInit ?? tsEvent
    }
}
