/// An order's contingency links: how it relates to other orders of a list.
public struct OrderLinks: Sendable, Hashable, Codable {
    public let contingency: ContingencyType
    /// The other orders this one is linked to (the OCO partner, the OTO children).
    public let linkedOrderIDs: [ClientOrderID]
    /// The order whose fill releases this one (for OTO children).
    public let parentOrderID: ClientOrderID?
    /// The list this order was submitted in.
    public let orderListID: OrderListID?

    /// Links; consistency with the order's own id is checked when the order is built.
    public init(
        contingency: ContingencyType, linkedOrderIDs: [ClientOrderID] = [], parentOrderID: ClientOrderID? = nil,
        orderListID: OrderListID? = nil
    ) {
        self.contingency = contingency
        self.linkedOrderIDs = linkedOrderIDs
        self.parentOrderID = parentOrderID
        self.orderListID = orderListID
    }

    /// A stand-alone order.
    public static let none = OrderLinks(contingency: .none)
}
