extension Instrument {
    /// Applies the venue's filters to an order: it must be for this instrument, its
    /// quantity and limit price must pass ``validate(quantity:price:)`` (precision, tick,
    /// lot, bounds, minimum notional), and its trigger price must be on the tick grid.
    /// For orders without a limit price, the trigger price stands in for the notional check.
    ///
    /// Throws ``InstrumentFilterError`` with the reason.
    public func validate(order: Order) throws(InstrumentFilterError) {
        guard order.instrumentID == id else {
            throw .init(id, "order \(order.clientOrderID) is for \(order.instrumentID), not \(id)")
        }
        try validate(quantity: order.quantity, price: order.price ?? order.triggerPrice)
        if let trigger = order.triggerPrice, order.price != nil {
            guard trigger.precision <= pricePrecision, trigger.isMultiple(of: tickSize) else {
                throw .init(id, "trigger price \(trigger) is not a multiple of the tick size \(tickSize)")
            }
        }
    }
}
