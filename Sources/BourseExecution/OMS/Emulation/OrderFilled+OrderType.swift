public import BourseCore

extension OrderFilled {
    /// The same fill reported for an order of `type` (a released emulated order's fill keeps the
    /// type the strategy submitted: the venue only saw the market or limit order it was released
    /// as). Unchanged when the type already matches.
    public func withOrderType(_ type: OrderType) -> OrderFilled {
        guard type != orderType,
            let fill = try? OrderFilled(
                clientOrderID: clientOrderID, strategyID: strategyID, instrumentID: instrumentID, accountID: accountID,
                venueOrderID: venueOrderID, tradeID: tradeID, positionID: positionID, side: side, orderType: type,
                lastQuantity: lastQuantity, lastPrice: lastPrice, commission: commission, liquiditySide: liquiditySide,
                tsEvent: tsEvent, tsInit: tsInit)
        else { return self }
        return fill
    }
}
