public import BourseCore

/// The kill switch's triggers (each `nil` is off; manual and fail-safe triggers are always on)
/// and the actions it takes when it trips, in order.
public struct KillSwitchConfiguration: Sendable, Hashable, Codable {
    public var dailyLoss: LossLimit?
    public var drawdown: LossLimit?
    /// Trip when no market data arrived for this long (since the last data, or since start).
    public var staleMarketDataAfter: Nanoseconds?
    /// Trip on this many errors within the sliding window.
    public var errorRate: RateLimit?
    /// Trip when a venue disconnects.
    public var tripOnVenueDisconnect: Bool
    /// What to do on a trip; ``KillSwitchAction/stopNewOrders`` is always done first.
    public var actions: [KillSwitchAction]

    public init(
        dailyLoss: LossLimit? = nil, drawdown: LossLimit? = nil, staleMarketDataAfter: Nanoseconds? = nil,
        errorRate: RateLimit? = nil, tripOnVenueDisconnect: Bool = true,
        actions: [KillSwitchAction] = [.stopNewOrders, .cancelAllOrders, .flattenAllPositions]
    ) {
        self.dailyLoss = dailyLoss
        self.drawdown = drawdown
        self.staleMarketDataAfter = staleMarketDataAfter
        self.errorRate = errorRate
        self.tripOnVenueDisconnect = tripOnVenueDisconnect
        self.actions = actions
    }
}
