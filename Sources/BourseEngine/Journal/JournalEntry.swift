public import BourseCore

/// What one journal record holds.
public enum JournalEntry: Sendable, Hashable {
    /// An order command, journaled before it is sent.
    case command(JournalCommand)
    /// An order event, journaled after it happened.
    case event(OrderEvent)
    /// A bar of the session's input was delivered.
    case marketData(MarketDataMark)
    /// A decision or action for the audit trail.
    case audit(AuditEntry)
    /// What the session trades and starts with (its journal's first record).
    case sessionStart(SessionStart)

    /// The kind, for filtering (`bourse audit show --type`).
    public var kind: JournalEntryKind {
        switch self {
        case .command(let c):
            switch c {
            case .submit: .submitOrder
            case .submitList: .submitOrderList
            case .modify: .modifyOrder
            case .cancel: .cancelOrder
            case .cancelAll: .cancelAllOrders
            }
        case .event(let e): JournalEntryKind.event(e.kind)
        case .marketData: .marketData
        case .audit(let a): JournalEntryKind.audit(a.category)
        case .sessionStart: .sessionStart
        }
    }

    /// The order the record is about, if any.
    public var clientOrderID: ClientOrderID? {
        switch self {
        case .command(let c): c.clientOrderID
        case .event(let e): e.clientOrderID
        case .marketData: nil
        case .audit(let a): a.clientOrderID
        case .sessionStart: nil
        }
    }
}
