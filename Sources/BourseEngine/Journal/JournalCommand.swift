public import BourseCore
public import BourseExecution

/// An order command as the journal records it: what was handed to the order manager, on
/// its way to a venue. Journaled (and made durable) **before** it is sent.
public enum JournalCommand: Sendable, Hashable {
    case submit(SubmitOrder)
    case submitList(SubmitOrderList)
    case modify(BourseExecution.ModifyOrder)
    case cancel(CancelOrder)
    case cancelAll(CancelAllOrders)

    /// The order the command is about (the first of a list; `nil` for a cancel-all).
    public var clientOrderID: ClientOrderID? {
        switch self {
        case .submit(let c): c.order.clientOrderID
        case .submitList(let c): c.orders.first?.clientOrderID
        case .modify(let c): c.clientOrderID
        case .cancel(let c): c.clientOrderID
        case .cancelAll: nil
        }
    }

    /// When the command was created.
    public var tsInit: UnixNanos {
        switch self {
        case .submit(let c): c.tsInit
        case .submitList(let c): c.tsInit
        case .modify(let c): c.tsInit
        case .cancel(let c): c.tsInit
        case .cancelAll(let c): c.tsInit
        }
    }
}
