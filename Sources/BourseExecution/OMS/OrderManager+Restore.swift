public import BourseCore

extension OrderManager {
    /// Puts an order known from elsewhere (a snapshot of the journal's state) into the own book,
    /// with its history, without sending anything: a restarted session adopts the orders still
    /// open at the venue. Throws ``OrderManagerError/duplicateClientOrderID(_:)`` when the id is
    /// taken and ``OrderManagerError/invalidModification(_:_:)`` when the history does not apply.
    public func restore(_ order: Order) throws(OrderManagerError) {
        let unapplied = unappliedEvents.count
        guard insert(order.initialized) else { throw .duplicateClientOrderID(order.clientOrderID) }
        for event in order.events.dropFirst() { apply(event) }
        if unappliedEvents.count > unapplied {
            throw .invalidModification(order.clientOrderID, "its history does not apply: \(unappliedEvents[unapplied].reason)")
        }
    }
}
