/// How an order is linked to the orders in its ``Order/linkedOrderIDs``.
public enum ContingencyType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Stands alone.
    case none
    /// One-triggers-other: when this (parent) order fills, its linked child orders are released.
    case oto
    /// One-cancels-other: when one linked order fills (even partly) the others are canceled.
    case oco
    /// One-updates-other: a fill on one linked order reduces the others' quantity by the same amount.
    case ouo
}

/// The id of a list of orders submitted together (a bracket, an OCO pair).
public typealias OrderListID = Identifier<OrderListIDKind>
public enum OrderListIDKind: IdentifierKind { public static var name: String { "order list id" } }
