public import BourseCore

/// Why the order manager refused a command before it reached the venue. A refused
/// command changes nothing.
public enum OrderManagerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A new order reuses a client order id the order manager already knows.
    case duplicateClientOrderID(ClientOrderID)
    /// A modify or cancel names an order the order manager does not know.
    case unknownOrder(ClientOrderID)
    /// A modify or cancel of an order that is already closed (filled, canceled, …).
    case orderClosed(ClientOrderID, OrderStatus)
    /// A modify that changes nothing or that the order cannot take.
    case invalidModification(ClientOrderID, String)
    /// A command whose strategy or instrument differs from the order's.
    case mismatchedCommand(ClientOrderID, String)
    /// An order list that is empty or whose links do not hold together.
    case invalidOrderList(OrderListID, String)

    public var description: String {
        switch self {
        case .duplicateClientOrderID(let id): "client order id \(id) is already used; choose a new id"
        case .unknownOrder(let id): "order \(id) is not known"
        case .orderClosed(let id, let status): "order \(id) is already \(status) and cannot be changed"
        case .invalidModification(let id, let reason): "cannot modify order \(id): \(reason)"
        case .mismatchedCommand(let id, let reason): "command for order \(id) does not match it: \(reason)"
        case .invalidOrderList(let id, let reason): "order list \(id): \(reason)"
        }
    }
}
