import BourseCore

/// The events the ``OrderEmulator`` emits itself for the orders it manages.
extension EmulatedOrder {
    private var id: ClientOrderID { order.clientOrderID }
    private var strategyID: StrategyID { order.strategyID }
    private var instrumentID: InstrumentID { order.instrumentID }

    func submitted(_ accountID: AccountID, at now: UnixNanos) -> OrderEvent {
        .submitted(OrderSubmitted(clientOrderID: id, strategyID: strategyID, instrumentID: instrumentID, accountID: accountID, tsEvent: now))
    }

    func accepted(_ venueOrderID: VenueOrderID, _ accountID: AccountID, at now: UnixNanos) -> OrderEvent {
        .accepted(OrderAccepted(
            clientOrderID: id, strategyID: strategyID, instrumentID: instrumentID, venueOrderID: venueOrderID,
            accountID: accountID, tsEvent: now))
    }

    func rejected(_ reason: String, _ accountID: AccountID, at now: UnixNanos) -> OrderEvent {
        .rejected(OrderRejected(
            clientOrderID: id, strategyID: strategyID, instrumentID: instrumentID, accountID: accountID, reason: reason,
            tsEvent: now))
    }

    func modifyRejected(_ reason: String, _ accountID: AccountID, at now: UnixNanos) -> OrderEvent {
        .modifyRejected(OrderModifyRejected(
            clientOrderID: id, strategyID: strategyID, instrumentID: instrumentID, accountID: accountID, reason: reason,
            tsEvent: now))
    }

    /// The account id the emulator's events carry: none before the order was submitted.
    private func account(_ accountID: AccountID) -> AccountID? { stage == .waitingForParent ? nil : accountID }

    func canceled(_ accountID: AccountID, at now: UnixNanos) -> OrderEvent {
        .canceled(OrderCanceled(
            clientOrderID: id, strategyID: strategyID, instrumentID: instrumentID, venueOrderID: heldVenueOrderID,
            accountID: account(accountID), tsEvent: now))
    }

    func expired(_ accountID: AccountID, at now: UnixNanos) -> OrderEvent {
        .expired(OrderExpired(
            clientOrderID: id, strategyID: strategyID, instrumentID: instrumentID, venueOrderID: heldVenueOrderID,
            accountID: account(accountID), tsEvent: now))
    }

    func triggered(_ accountID: AccountID, at now: UnixNanos) -> OrderEvent {
        .triggered(OrderTriggered(
            clientOrderID: id, strategyID: strategyID, instrumentID: instrumentID, venueOrderID: heldVenueOrderID,
            accountID: accountID, tsEvent: now))
    }

    func updated(_ accountID: AccountID, at now: UnixNanos) -> OrderEvent {
        .updated(OrderUpdated(
            clientOrderID: id, strategyID: strategyID, instrumentID: instrumentID, venueOrderID: heldVenueOrderID,
            accountID: account(accountID), quantity: quantity, price: price, triggerPrice: triggerPrice, tsEvent: now))
    }
}
