public import BourseCore

/// Command: cancel one working order.
public struct CancelOrder: Sendable, Hashable {
    public let clientOrderID: ClientOrderID
    public let strategyID: StrategyID
    public let instrumentID: InstrumentID
    public let tsInit: UnixNanos

    public init(clientOrderID: ClientOrderID, strategyID: StrategyID, instrumentID: InstrumentID, tsInit: UnixNanos) {
        self.clientOrderID = clientOrderID
        self.strategyID = strategyID
        self.instrumentID = instrumentID
        self.tsInit = tsInit
    }
}
