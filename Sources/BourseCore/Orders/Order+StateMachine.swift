import OrderedCollections

/// What an accepted event does to an order's status.
public enum OrderTransition: Sendable, Hashable {
    /// Move to this status.
    case to(OrderStatus)
    /// Go back to the status the order had before its pending update or cancel.
    case restorePrevious
    /// A fill: ``OrderStatus/filled`` when the whole quantity is filled, otherwise `partial`.
    case fill(partial: OrderStatus)
}

extension Order {
    /// The order status state machine: the one table of every allowed transition.
    /// Every (status, event) pair not listed returns `nil` and ``apply(_:)`` throws
    /// ``OrderError/invalidTransition(_:from:event:)``.
    ///
    /// Adapted from NautilusTrader's table, with these deliberate choices:
    /// - `initialized` is only ever the first event (it creates the order), so it is never a transition;
    /// - a partial fill while a modification or cancel is pending keeps the pending status (the
    ///   request is still in flight) and makes `partiallyFilled` the status to go back to;
    /// - a late fill on a canceled or expired order is recorded; the status becomes `filled` only
    ///   if the fill completes the quantity;
    /// - closed orders (denied, rejected, filled) accept nothing.
    ///
    /// - Complexity: O(1).
    public static func transition(from status: OrderStatus, on event: OrderEventKind) -> OrderTransition? {
        switch (status, event) {
        case (.initialized, .denied): .to(.denied)
        case (.initialized, .submitted): .to(.submitted)
        case (.initialized, .accepted): .to(.accepted)  // external orders reconciled from the venue
        case (.initialized, .rejected): .to(.rejected)  // external orders
        case (.initialized, .canceled): .to(.canceled)  // canceled before submission
        case (.initialized, .expired): .to(.expired)  // GTD expired before submission
        case (.initialized, .triggered): .to(.triggered)  // external orders
        case (.initialized, .updated): .to(.initialized)  // local modification before submission

        case (.submitted, .accepted): .to(.accepted)
        case (.submitted, .rejected): .to(.rejected)
        case (.submitted, .canceled): .to(.canceled)  // IOC/FOK canceled without acknowledgement
        case (.submitted, .pendingUpdate): .to(.pendingUpdate)
        case (.submitted, .pendingCancel): .to(.pendingCancel)
        case (.submitted, .cancelRejected): .to(.submitted)  // cancel refused before the acknowledgement
        case (.submitted, .updated): .to(.submitted)
        case (.submitted, .filled): .fill(partial: .partiallyFilled)  // filled before the acknowledgement

        case (.accepted, .rejected): .to(.rejected)  // e.g. a stop-limit refused when triggered
        case (.accepted, .canceled): .to(.canceled)
        case (.accepted, .expired): .to(.expired)
        case (.accepted, .triggered): .to(.triggered)
        case (.accepted, .pendingUpdate): .to(.pendingUpdate)
        case (.accepted, .pendingCancel): .to(.pendingCancel)
        case (.accepted, .modifyRejected): .to(.accepted)
        case (.accepted, .cancelRejected): .to(.accepted)
        case (.accepted, .updated): .to(.accepted)
        case (.accepted, .filled): .fill(partial: .partiallyFilled)

        case (.triggered, .rejected): .to(.rejected)
        case (.triggered, .canceled): .to(.canceled)
        case (.triggered, .expired): .to(.expired)
        case (.triggered, .pendingUpdate): .to(.pendingUpdate)
        case (.triggered, .pendingCancel): .to(.pendingCancel)
        case (.triggered, .modifyRejected): .to(.triggered)
        case (.triggered, .cancelRejected): .to(.triggered)
        case (.triggered, .updated): .to(.triggered)
        case (.triggered, .filled): .fill(partial: .partiallyFilled)

        case (.pendingUpdate, .accepted): .to(.accepted)
        case (.pendingUpdate, .rejected): .to(.rejected)
        case (.pendingUpdate, .canceled): .to(.canceled)
        case (.pendingUpdate, .expired): .to(.expired)
        case (.pendingUpdate, .triggered): .to(.triggered)
        case (.pendingUpdate, .pendingUpdate): .to(.pendingUpdate)  // several requests in flight
        case (.pendingUpdate, .pendingCancel): .to(.pendingCancel)
        case (.pendingUpdate, .modifyRejected): .restorePrevious
        case (.pendingUpdate, .cancelRejected): .to(.pendingUpdate)  // the modification is still in flight
        case (.pendingUpdate, .updated): .restorePrevious
        case (.pendingUpdate, .filled): .fill(partial: .pendingUpdate)

        case (.pendingCancel, .accepted): .to(.accepted)  // the venue re-acknowledges after a failed cancel
        case (.pendingCancel, .rejected): .to(.rejected)
        case (.pendingCancel, .canceled): .to(.canceled)
        case (.pendingCancel, .expired): .to(.expired)
        case (.pendingCancel, .pendingCancel): .to(.pendingCancel)  // several requests in flight
        case (.pendingCancel, .modifyRejected): .to(.pendingCancel)  // the cancel is still in flight
        case (.pendingCancel, .cancelRejected): .restorePrevious
        case (.pendingCancel, .updated): .to(.pendingCancel)  // the cancel is still in flight
        case (.pendingCancel, .filled): .fill(partial: .pendingCancel)

        case (.partiallyFilled, .canceled): .to(.canceled)
        case (.partiallyFilled, .expired): .to(.expired)
        case (.partiallyFilled, .pendingUpdate): .to(.pendingUpdate)
        case (.partiallyFilled, .pendingCancel): .to(.pendingCancel)
        case (.partiallyFilled, .modifyRejected): .to(.partiallyFilled)
        case (.partiallyFilled, .cancelRejected): .to(.partiallyFilled)
        case (.partiallyFilled, .updated): .to(.partiallyFilled)
        case (.partiallyFilled, .filled): .fill(partial: .partiallyFilled)

        case (.canceled, .filled): .fill(partial: .canceled)  // a fill the venue reports after the cancel
        case (.expired, .filled): .fill(partial: .expired)  // a fill the venue reports after the expiry

        default: nil
        }
    }

    /// Applies an event: checks it against the transition table and the order's
    /// invariants, then updates the status and the derived values and appends the
    /// event to ``events``. On error nothing changes (every check runs before the first write).
    ///
    /// ```swift
    /// var order = Order(try OrderInitialized(...))
    /// try order.apply(.submitted(OrderSubmitted(...)))
    /// ```
    ///
    /// - Complexity: O(1) amortized, in place.
    public mutating func apply(_ event: OrderEvent) throws(OrderError) {
        try applyKeepingNoHistory(event)
        if laterEvents.isEmpty { laterEvents.reserveCapacity(3) }  // submitted, accepted, filled: one allocation
        laterEvents.append(event)
    }

    /// ``apply(_:)`` without appending the event to ``events``: for a book (the order manager)
    /// that keeps one log of every order's events and gives its orders their history with
    /// ``withHistory(_:)`` when it hands them out. Same checks, same state.
    ///
    /// - Complexity: O(1), no allocation for orders of up to one fill.
    package mutating func applyKeepingNoHistory(_ event: OrderEvent) throws(OrderError) {
        let (header, kind) = event.headerAndKind
        try applyKeepingNoHistory(event, header: header, kind: kind)
    }

    /// ``applyKeepingNoHistory(_:)`` for a caller that already read the event's header and kind
    /// (``OrderEvent/headerAndKind``), so the event is not copied again to read them.
    package mutating func applyKeepingNoHistory(
        _ event: OrderEvent, header: OrderEventHeader, kind: OrderEventKind
    ) throws(OrderError) {
        guard header.clientOrderID == clientOrderID else {
            throw .wrongOrder(expected: clientOrderID, got: header.clientOrderID)
        }
        guard let transition = Self.transition(from: status, on: kind) else {
            throw .invalidTransition(clientOrderID, from: status, event: kind)
        }
        if case .restorePrevious = transition, previousStatus == nil {
            throw .invalidTransition(clientOrderID, from: status, event: kind)
        }
        let before = status
        try absorb(event)
        switch transition {
        case .to(let target):
            move(to: target)
        case .restorePrevious:
            if let previous = previousStatus { move(to: previous) }
        case .fill(let partial):
            if filledQuantity == quantity {
                move(to: .filled)
            } else if partial == before && before.isPending {
                previousStatus = .partiallyFilled
            } else {
                move(to: partial)
            }
        }
        tsLast = header.tsEvent
    }

    /// Sets the status, remembering the status before a pending request.
    private mutating func move(to target: OrderStatus) {
        if target.isPending {
            if !status.isPending { previousStatus = status }
        } else {
            previousStatus = nil
        }
        status = target
    }

    /// Takes the event's data into the order (ids, fills, updated parameters), checking it.
    private mutating func absorb(_ event: OrderEvent) throws(OrderError) {
        switch event {
        case .initialized, .denied, .pendingUpdate, .pendingCancel, .modifyRejected, .cancelRejected:
            break
        case .submitted(let e):
            accountID = e.accountID
        case .accepted(let e):
            venueOrderID = e.venueOrderID
            accountID = e.accountID
        case .rejected(let e):
            accountID = e.accountID
        case .canceled(let e):
            remember(venueOrderID: e.venueOrderID)
        case .expired(let e):
            remember(venueOrderID: e.venueOrderID)
        case .triggered(let e):
            remember(venueOrderID: e.venueOrderID)
        case .updated(let e):
            try update(e)
        case .filled(let fill):
            try record(fill)
        }
    }

    private mutating func remember(venueOrderID id: VenueOrderID?) {
        if let id { venueOrderID = id }
    }

    private mutating func update(_ e: OrderUpdated) throws(OrderError) {
        guard e.quantity.precision == quantity.precision else {
            throw .precisionMismatch(clientOrderID, "updated quantity \(e.quantity) is not at precision \(quantity.precision)")
        }
        guard e.quantity > filledQuantity else {
            throw .invalidUpdate(
                clientOrderID, "quantity \(e.quantity) is not above the filled \(filledQuantity); cancel the order instead")
        }
        if e.price != nil && !type.allowsPrice { throw .invalidUpdate(clientOrderID, "a \(type) order has no price") }
        if e.triggerPrice != nil && !type.allowsTriggerPrice {
            throw .invalidUpdate(clientOrderID, "a \(type) order has no trigger price")
        }
        remember(venueOrderID: e.venueOrderID)
        quantity = e.quantity
        if let p = e.price { price = p }
        if let t = e.triggerPrice { triggerPrice = t }
    }

    private mutating func record(_ fill: OrderFilled) throws(OrderError) {
        guard fill.side == side else { throw .fillSideMismatch(clientOrderID, order: side, fill: fill.side) }
        guard fill.lastQuantity.precision == quantity.precision else {
            throw .precisionMismatch(clientOrderID, "fill quantity \(fill.lastQuantity) is not at precision \(quantity.precision)")
        }
        if fillCount > 0 && fill.lastPrice.precision != fillPricePrecision {
            throw .precisionMismatch(clientOrderID, "fill price \(fill.lastPrice) is not at precision \(fillPricePrecision)")
        }
        guard !hasFill(tradeID: fill.tradeID) else { throw .duplicateFill(clientOrderID, fill.tradeID) }
        let (newFilledRaw, overflow) = filledQuantity.raw.addingReportingOverflow(fill.lastQuantity.raw)
        guard !overflow else { throw .overflow(clientOrderID) }
        guard newFilledRaw <= quantity.raw else {
            throw .overfill(clientOrderID, quantity: quantity, filled: filledQuantity, fill: fill.lastQuantity)
        }
        let commission = try commissionTotal(adding: fill.commission)
        filledQuantity = Quantity(uncheckedRaw: newFilledRaw, precision: quantity.precision)
        fillPriceQuantitySum += Int128(fill.lastPrice.raw) * Int128(fill.lastQuantity.raw)
        fillPricePrecision = fill.lastPrice.precision
        fillCount += 1
        venueOrderID = fill.venueOrderID
        accountID = fill.accountID
        if let positionID = fill.positionID { self.positionID = positionID }
        if firstCurrencyCommission == nil || firstCurrencyCommission?.currency == commission.currency {
            firstCurrencyCommission = commission
        } else {
            otherCurrencyCommissions[commission.currency] = commission
        }
        lastFillPrice = fill.lastPrice
        if firstTradeID == nil { firstTradeID = fill.tradeID } else { laterTradeIDs.append(fill.tradeID) }
    }

    /// Whether a fill with this trade id was applied.
    private func hasFill(tradeID: TradeID) -> Bool {
        firstTradeID == tradeID || laterTradeIDs.contains(tradeID)
    }

    /// The order's new total commission in the currency of `commission`.
    private func commissionTotal(adding commission: Money) throws(OrderError) -> Money {
        let total =
            firstCurrencyCommission?.currency == commission.currency
            ? firstCurrencyCommission : otherCurrencyCommissions[commission.currency]
        guard let total else { return commission }
        do { return try total + commission } catch { throw .overflow(clientOrderID) }
    }
}
