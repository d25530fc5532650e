public import BourseCore

/// Command: send a new order to its venue.
public struct SubmitOrder: Sendable, Hashable {
    /// The order's checked parameters (its client order id must be new).
    public let order: OrderInitialized
    /// For hedging accounts: the position a closing order reduces; `nil` otherwise.
    public let positionID: PositionID?
    /// When the command was created.
    public let tsInit: UnixNanos

    public init(order: OrderInitialized, positionID: PositionID? = nil, tsInit: UnixNanos) {
        self.order = order
        self.positionID = positionID
        self.tsInit = tsInit
    }
}
