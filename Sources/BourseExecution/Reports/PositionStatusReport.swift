public import BourseCore

/// A venue's net position in one instrument, for reconciliation.
public struct PositionStatusReport: Sendable, Hashable {
    public let instrumentID: InstrumentID
    /// Long, short or flat.
    public let side: PositionSide
    /// The absolute open quantity.
    public let quantity: Quantity
    public let tsLast: UnixNanos

    public init(instrumentID: InstrumentID, side: PositionSide, quantity: Quantity, tsLast: UnixNanos) {
        self.instrumentID = instrumentID
        self.side = side
        self.quantity = quantity
        self.tsLast = tsLast
    }
}
