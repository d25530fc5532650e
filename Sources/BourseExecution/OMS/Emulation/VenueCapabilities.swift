public import BourseCore

/// What a venue does natively. The ``OrderEmulator`` emulates the rest from market data.
public struct VenueCapabilities: Sendable, Hashable {
    /// The order types the venue accepts as they are.
    public var orderTypes: Set<OrderType>
    /// Whether the venue links contingent orders itself (OTO, OCO, OUO, brackets).
    public var contingentOrders: Bool

    /// A venue with the given order types and contingency support.
    public init(orderTypes: Set<OrderType>, contingentOrders: Bool) {
        self.orderTypes = orderTypes
        self.contingentOrders = contingentOrders
    }

    /// A venue that takes every order type and links contingent orders itself: nothing is emulated.
    public static let everything = VenueCapabilities(orderTypes: Set(OrderType.allCases), contingentOrders: true)
    /// A venue that takes only market and limit orders and no contingent orders.
    public static let marketAndLimitOnly = VenueCapabilities(orderTypes: [.market, .limit], contingentOrders: false)

    /// Whether the venue accepts orders of `type` as they are.
    public func supports(_ type: OrderType) -> Bool { orderTypes.contains(type) }
}
