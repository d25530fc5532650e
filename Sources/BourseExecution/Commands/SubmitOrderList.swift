public import BourseCore

/// Command: send linked orders together — a bracket, an OCO pair, OTO parent and
/// children, OUO orders. Their ``OrderLinks`` say how they depend on each other:
/// an order with a `parentOrderID` stays inactive at the venue until its parent fills
/// and then works for the parent's filled quantity.
public struct SubmitOrderList: Sendable, Hashable {
    public let orderListID: OrderListID
    /// The orders, parents before their children.
    public let orders: [OrderInitialized]
    /// When the command was created.
    public let tsInit: UnixNanos

    /// A list command; throws ``OrderManagerError/invalidOrderList(_:_:)`` when it is empty,
    /// repeats a client order id, or names a parent or linked order outside the list.
    public init(orderListID: OrderListID, orders: [OrderInitialized], tsInit: UnixNanos) throws(OrderManagerError) {
        guard !orders.isEmpty else { throw .invalidOrderList(orderListID, "the list is empty") }
        var seen: [ClientOrderID] = []
        for order in orders {
            guard !seen.contains(order.clientOrderID) else {
                throw .invalidOrderList(orderListID, "client order id \(order.clientOrderID) appears twice")
            }
            if let parent = order.links.parentOrderID, !seen.contains(parent) {
                throw .invalidOrderList(
                    orderListID, "order \(order.clientOrderID) names parent \(parent), which is not listed before it")
            }
            seen.append(order.clientOrderID)
        }
        for order in orders {
            for linked in order.links.linkedOrderIDs where !seen.contains(linked) {
                throw .invalidOrderList(orderListID, "order \(order.clientOrderID) links to \(linked), which is not in the list")
            }
        }
        self.orderListID = orderListID
        self.orders = orders
        self.tsInit = tsInit
    }

    /// The three orders of a bracket as one list.
    public init(bracket: BracketOrder, tsInit: UnixNanos) throws(OrderManagerError) {
        try self.init(orderListID: bracket.orderListID, orders: bracket.orders, tsInit: tsInit)
    }
}
