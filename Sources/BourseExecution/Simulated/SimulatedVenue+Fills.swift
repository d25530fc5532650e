import BourseCore

extension SimulatedVenue {
    // MARK: Fills

    /// Fills as much of the order as the fill model, the volume left and reduce-only allow,
    /// at `priceRaw` (before slippage); then applies the order's contingencies.
    func executeFill(_ slot: Int, priceRaw: Int64, liquidity: LiquiditySide, _ events: inout [OrderEvent]) {
        let b = orders[slot].book
        let side = orders[slot].side
        let leaves = orders[slot].leavesRaw
        let filledBefore = orders[slot].filledRaw
        // The instrument is read field by field through its shared reference, never copied.
        let shared = sharedInstruments[b]
        let sp = shared.instrument.sizePrecision
        let volumeLeft = books[b].volumeLeft
        let decision = fillModel.fill(FillParameters(
            shared: shared, side: side, orderType: orders[slot].type, liquiditySide: liquidity,
            price: Price(uncheckedRaw: priceRaw, precision: shared.instrument.pricePrecision),
            quantity: Quantity(uncheckedRaw: leaves, precision: sp), volume: nil,
            remainingVolume: volumeLeft.map { Quantity(uncheckedRaw: $0, precision: sp) }))
        var q = min(decision.quantity.raw, leaves)
        if let left = volumeLeft { q = min(q, left) }
        if orders[slot].initialized.reduceOnly {
            let positionRaw = books[b].positionRaw
            let reducible = side == .buy ? max(0, -positionRaw) : max(0, positionRaw)
            if reducible == 0 {
                close(slot, as: .canceled, &events)  // the position it reduced is gone
                return
            }
            q = min(q, reducible)
        }
        if orders[slot].initialized.timeInForce == .fok && q < leaves {
            close(slot, as: .canceled, &events)  // fill or kill: not all of it now, so none
            return
        }
        guard q > 0 else { return }
        let quantity = Quantity(uncheckedRaw: q, precision: sp)
        let price = decision.price
        let fill: OrderFilled
        do throws(FixedPointError) {
            let notional = try shared.instrument.notional(quantity: quantity, price: price)
            let commission = try feeModel.commission(FeeParameters(
                shared: shared, side: side, liquiditySide: liquidity, quantity: quantity, price: price,
                notional: notional, filledBefore: Quantity(uncheckedRaw: filledBefore, precision: sp)))
            let header = orders[slot].initialized.header
            guard
                let made = try? OrderFilled(
                    clientOrderID: header.clientOrderID, strategyID: header.strategyID,
                    instrumentID: header.instrumentID, accountID: accountID, venueOrderID: orders[slot].venueOrderID,
                    tradeID: makeTradeID(tradeCount + 1), side: side, orderType: orders[slot].type,
                    lastQuantity: quantity, lastPrice: price, commission: commission, liquiditySide: liquidity,
                    tsEvent: clock.now)
            else { return }
            fill = made
        } catch {
            refuseFill(slot, "the fill's notional or fee overflows: \(error)", &events)
            return
        }
        if var updated = account {
            do {
                try updated.apply(fill: fill, instrument: shared.instrument)
            } catch {
                refuseFill(slot, "\(error)", &events)
                return
            }
            account = updated
        }
        tradeCount += 1
        books[b].positionRaw += side.sign * q
        books[b].positionTsLast = clock.now
        if let left = books[b].volumeLeft { books[b].volumeLeft = left - q }
        orders[slot].filledRaw += q
        orders[slot].tsLast = clock.now
        if configuration.keepsFillHistory { fillHistory.append(fill) }
        events.append(.filled(fill))
        if orders[slot].leavesRaw == 0 { close(slot, as: .filled, &events) }
        applyContingencies(ofFill: slot, quantityRaw: q, &events)
    }

    /// A fill that cannot happen (insufficient funds at the fill price, overflow): the order
    /// is rejected with the reason when nothing filled yet, otherwise its rest is canceled.
    private func refuseFill(_ slot: Int, _ reason: String, _ events: inout [OrderEvent]) {
        if orders[slot].filledRaw == 0 {
            close(slot, as: .rejected, reason: reason, &events)
        } else {
            close(slot, as: .canceled, &events)
        }
    }

    // MARK: Contingencies

    private func applyContingencies(ofFill slot: Int, quantityRaw q: Int64, _ events: inout [OrderEvent]) {
        let links = orders[slot].initialized.links
        guard !links.linkedOrderIDs.isEmpty else { return }  // the common case: no copy of the record
        let order = orders[slot]
        for linked in links.linkedOrderIDs {
            guard let other = slots[linked], orders[other].isOpen else { continue }
            switch order.initialized.links.contingency {
            case .none:
                break
            case .oto:
                release(other, parentFilledRaw: order.filledRaw, &events)
            case .oco:
                close(other, as: .canceled, &events)
            case .ouo:
                let remaining = orders[other].quantityRaw - q
                if remaining <= orders[other].filledRaw {
                    close(other, as: .canceled, &events)
                } else {
                    orders[other].quantityRaw = remaining
                    orders[other].tsLast = clock.now
                    emitUpdated(other, &events)
                }
            }
        }
    }

    /// An OTO child after its parent filled (partly): it works for the parent's filled quantity.
    private func release(_ child: Int, parentFilledRaw: Int64, _ events: inout [OrderEvent]) {
        guard orders[child].initialized.links.parentOrderID == orders[child].initialized.links.parentOrderID else { return }
        if orders[child].quantityRaw != parentFilledRaw && parentFilledRaw > orders[child].filledRaw {
            orders[child].quantityRaw = parentFilledRaw
            orders[child].tsLast = clock.now
            emitUpdated(child, &events)
        }
        if orders[child].state == .held {
            orders[child].state = .working
            books[orders[child].book].add(child, orders[child])
        }
    }

    /// Closes an order: records the status, takes it out of matching, releases its cash lock,
    /// emits the event (canceled, expired, rejected; a fill was already emitted), and cascades:
    /// an unfilled parent's children are canceled, an OCO order's partners too.
    func close(_ slot: Int, as status: OrderStatus, reason: String = "", _ events: inout [OrderEvent]) {
        guard orders[slot].isOpen else { return }
        let wasActive = orders[slot].isActive
        orders[slot].state = .closed(status)
        orders[slot].tsLast = clock.now
        if wasActive { books[orders[slot].book].remove(slot) }
        account?.unlock(for: orders[slot].clientOrderID)
        switch status {
        case .canceled: emitCanceled(slot, &events)
        case .expired: emitExpired(slot, &events)
        case .rejected: emitRejected(orders[slot].initialized, reason, &events)
        default: break
        }
        guard status != .filled else { return }
        let order = orders[slot]
        switch order.initialized.links.contingency {
        case .oto where order.filledRaw == 0, .oco:
            for linked in order.initialized.links.linkedOrderIDs {
                if let other = slots[linked], orders[other].isOpen { close(other, as: .canceled, &events) }
            }
        case .oto, .ouo, .none:
            break
        }
    }

    // MARK: Expiry

    /// Expires the open orders whose GTD or DAY time is before `time` (or at it, when `inclusive`).
    func expireOrders(before time: UnixNanos, inclusive: Bool, _ events: inout [OrderEvent]) {
        guard let next = nextExpiry, inclusive ? next <= time : next < time else { return }
        var later: UnixNanos?
        for slot in orders.indices where orders[slot].isOpen {
            guard let expiry = orders[slot].expiry else { continue }
            if inclusive ? expiry <= time : expiry < time {
                close(slot, as: .expired, &events)
            } else {
                later = min(later ?? expiry, expiry)
            }
        }
        nextExpiry = later
    }
}
