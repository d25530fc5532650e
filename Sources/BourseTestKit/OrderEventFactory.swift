public import BourseCore

/// Makes any kind of order event for a given order, with plausible payloads:
/// the building block of state-machine tests and venue stubs.
public struct OrderEventFactory: Sendable {
    public var accountID = TestDefaults.accountID
    public var venueOrderID = TestDefaults.venueOrderID(1)
    public var time = TestDefaults.time
    /// Fill price when the order has no limit price.
    public var fillPrice = "100.00"

    public init() {}

    /// An event of `kind` for `order`. Fills are of `fillQuantity` (default: the leaves
    /// quantity, or 1 unit when nothing is left) with trade id `T-<tradeNumber>`; updates keep
    /// the order's quantity and prices.
    public func event(
        _ kind: OrderEventKind, for order: Order, fillQuantity: Quantity? = nil, tradeNumber: Int = 1
    ) throws -> OrderEvent {
        let id = order.clientOrderID
        let s = order.strategyID
        let i = order.instrumentID
        switch kind {
        case .initialized: return .initialized(order.initialized)
        case .denied: return .denied(OrderDenied(clientOrderID: id, strategyID: s, instrumentID: i, reason: "test", tsEvent: time))
        case .submitted:
            return .submitted(OrderSubmitted(clientOrderID: id, strategyID: s, instrumentID: i, accountID: accountID, tsEvent: time))
        case .accepted:
            return .accepted(
                OrderAccepted(
                    clientOrderID: id, strategyID: s, instrumentID: i, venueOrderID: venueOrderID, accountID: accountID,
                    tsEvent: time))
        case .rejected:
            return .rejected(
                OrderRejected(clientOrderID: id, strategyID: s, instrumentID: i, accountID: accountID, reason: "test", tsEvent: time))
        case .canceled: return .canceled(OrderCanceled(clientOrderID: id, strategyID: s, instrumentID: i, tsEvent: time))
        case .expired: return .expired(OrderExpired(clientOrderID: id, strategyID: s, instrumentID: i, tsEvent: time))
        case .triggered: return .triggered(OrderTriggered(clientOrderID: id, strategyID: s, instrumentID: i, tsEvent: time))
        case .pendingUpdate:
            return .pendingUpdate(OrderPendingUpdate(clientOrderID: id, strategyID: s, instrumentID: i, tsEvent: time))
        case .pendingCancel:
            return .pendingCancel(OrderPendingCancel(clientOrderID: id, strategyID: s, instrumentID: i, tsEvent: time))
        case .modifyRejected:
            return .modifyRejected(
                OrderModifyRejected(clientOrderID: id, strategyID: s, instrumentID: i, reason: "test", tsEvent: time))
        case .cancelRejected:
            return .cancelRejected(
                OrderCancelRejected(clientOrderID: id, strategyID: s, instrumentID: i, reason: "test", tsEvent: time))
        case .updated:
            return .updated(
                OrderUpdated(
                    clientOrderID: id, strategyID: s, instrumentID: i, quantity: order.quantity, price: order.price,
                    triggerPrice: order.triggerPrice, tsEvent: time))
        case .filled:
            let leaves = order.leavesQuantity
            let quantity = fillQuantity ?? (leaves.isZero ? Quantity(uncheckedRaw: 1, precision: leaves.precision) : leaves)
            return .filled(
                try OrderFilled(
                    clientOrderID: id, strategyID: s, instrumentID: i, accountID: accountID, venueOrderID: venueOrderID,
                    tradeID: TestDefaults.tradeID(tradeNumber), side: order.side, orderType: order.type,
                    lastQuantity: quantity, lastPrice: order.price ?? Price(parsing: fillPrice),
                    commission: .zero(.USD), liquiditySide: .taker, tsEvent: time))
        }
    }
}
