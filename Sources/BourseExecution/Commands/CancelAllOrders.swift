public import BourseCore

/// Command: cancel every working order of a strategy in an instrument, optionally on one side only.
public struct CancelAllOrders: Sendable, Hashable {
    public let strategyID: StrategyID
    public let instrumentID: InstrumentID
    /// Only this side; `nil` cancels both.
    public let side: OrderSide?
    public let tsInit: UnixNanos

    public init(strategyID: StrategyID, instrumentID: InstrumentID, side: OrderSide? = nil, tsInit: UnixNanos) {
        self.strategyID = strategyID
        self.instrumentID = instrumentID
        self.side = side
        self.tsInit = tsInit
    }
}
