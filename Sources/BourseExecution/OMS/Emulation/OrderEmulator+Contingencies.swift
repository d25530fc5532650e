public import BourseCore
internal import OrderedCollections

/// Routing the venue's events through the emulator, and the contingent-order reactions.
extension OrderEmulator {
    /// Passes events the venue produced on its own since `start` (fills on market data,
    /// expiries, delayed acknowledgements) through the emulator, in place: acknowledgements
    /// of released orders are dropped, fills of released orders carry their original type,
    /// and contingent reactions (children sent, linked orders canceled or resized) append
    /// their events right after the event that caused them.
    public func receive(_ events: inout [OrderEvent], from start: Int) {
        guard !managed.isEmpty, start < events.count else { return }
        let produced = Array(events[start...])
        events.removeSubrange(start...)
        route(produced, into: &events)
    }

    /// Runs a venue call into a scratch buffer and routes what it produced into `events`.
    func forward(into events: inout [OrderEvent], _ call: (inout [OrderEvent]) -> Void) {
        var produced: [OrderEvent] = []
        call(&produced)
        route(produced, into: &events)
    }

    private func route(_ produced: [OrderEvent], into events: inout [OrderEvent]) {
        for event in produced {
            let id = event.clientOrderID
            guard let order = managed[id] else {
                events.append(event)
                continue
            }
            if order.awaitingReleaseAcknowledgement {
                switch event {
                case .submitted: continue
                case .accepted:
                    managed[id]?.awaitingReleaseAcknowledgement = false
                    continue
                default: managed[id]?.awaitingReleaseAcknowledgement = false
                }
            }
            switch event {
            case .filled(let fill):
                events.append(order.stage == .atVenue(released: true) ? .filled(fill.withOrderType(order.order.type)) : event)
                react(toFill: fill, at: fill.tsEvent, &events)
            case .canceled, .expired, .rejected, .denied:
                events.append(event)
                managed[id]?.stage = .closed
                react(toClosing: id, at: event.tsEvent, &events)
            default:
                events.append(event)
            }
        }
    }

    // MARK: Reactions

    /// After a fill: the order's children are sent (first fill) or resized to the filled
    /// quantity; OCO partners are canceled; OUO partners are reduced to the same leaves
    /// quantity, or canceled once the order is filled.
    private func react(toFill fill: OrderFilled, at now: UnixNanos, _ events: inout [OrderEvent]) {
        let id = fill.clientOrderID
        guard var order = managed[id] else { return }
        order.filled = Self.sum(order.filled, fill.lastQuantity)
        if order.leaves.raw == 0 { order.stage = .closed }
        managed[id] = order
        for child in managed.values where child.order.links.parentOrderID == id && !child.isClosed {
            let target = min(child.order.quantity, order.filled)
            switch child.stage {
            case .waitingForParent:
                // The own book learns the child's quantity before the child is sent.
                resizeHeld(child.clientOrderID, to: target, at: now, &events)
                place(child.clientOrderID, at: now, &events)
            case .held:
                resizeHeld(child.clientOrderID, to: target, at: now, &events)
            case .atVenue:
                forward(into: &events) {
                    client.modify(
                        ModifyOrder(
                            clientOrderID: child.clientOrderID, strategyID: child.order.strategyID,
                            instrumentID: child.order.instrumentID, quantity: target, tsInit: now), events: &$0)
                }
            case .closed:
                break
            }
        }
        switch order.order.links.contingency {
        case .oco:
            cancelPartners(of: id, at: now, &events)
        case .ouo where order.isClosed:
            cancelPartners(of: id, at: now, &events)
        case .ouo:
            reducePartners(of: order, at: now, &events)
        case .oto, .none:
            break
        }
    }

    /// After an order closed (canceled, expired, rejected): children still waiting are
    /// canceled when it never filled; OCO and OUO partners are canceled.
    func react(toClosing id: ClientOrderID, at now: UnixNanos, _ events: inout [OrderEvent]) {
        guard let order = managed[id] else { return }
        if order.filled.raw == 0 {
            for child in managed.values where child.order.links.parentOrderID == id && child.stage == .waitingForParent {
                closeLocally(child.clientOrderID, at: now, &events) { $0.canceled($1, at: $2) }
            }
        }
        if order.order.links.contingency == .oco || order.order.links.contingency == .ouo {
            cancelPartners(of: id, at: now, &events)
        }
    }

    private func cancelPartners(of id: ClientOrderID, at now: UnixNanos, _ events: inout [OrderEvent]) {
        guard let order = managed[id] else { return }
        for partnerID in order.order.links.linkedOrderIDs {
            guard let partner = managed[partnerID], !partner.isClosed else { continue }
            if partner.isLocal {
                closeLocally(partnerID, at: now, &events) { $0.canceled($1, at: $2) }
            } else {
                forward(into: &events) {
                    client.cancel(
                        CancelOrder(
                            clientOrderID: partnerID, strategyID: partner.order.strategyID,
                            instrumentID: partner.order.instrumentID, tsInit: now), events: &$0)
                }
            }
        }
    }

    /// OUO: each open partner keeps its filled quantity plus the order's leaves quantity.
    private func reducePartners(of order: EmulatedOrder, at now: UnixNanos, _ events: inout [OrderEvent]) {
        for partnerID in order.order.links.linkedOrderIDs {
            guard let partner = managed[partnerID], !partner.isClosed else { continue }
            let target = Self.sum(partner.filled, order.leaves)
            guard target < partner.quantity else { continue }
            if partner.isLocal {
                resizeHeld(partnerID, to: target, at: now, &events)
            } else {
                forward(into: &events) {
                    client.modify(
                        ModifyOrder(
                            clientOrderID: partnerID, strategyID: partner.order.strategyID,
                            instrumentID: partner.order.instrumentID, quantity: target, tsInit: now), events: &$0)
                }
            }
        }
    }

    /// Resizes an order still in the emulator's hands and tells the own book (``OrderUpdated``).
    private func resizeHeld(_ id: ClientOrderID, to quantity: Quantity, at now: UnixNanos, _ events: inout [OrderEvent]) {
        guard let order = managed[id], order.quantity != quantity else { return }
        managed[id]?.quantity = quantity
        if let resized = managed[id] { events.append(resized.updated(accountID, at: now)) }
    }

    /// Closes an order the emulator holds or waits with, by the event `make` builds
    /// (canceled or expired), then runs the reactions to its closing.
    func closeLocally(
        _ id: ClientOrderID, at now: UnixNanos, _ events: inout [OrderEvent],
        _ make: (EmulatedOrder, AccountID, UnixNanos) -> OrderEvent
    ) {
        guard let order = managed[id], order.isLocal else { return }
        managed[id]?.stage = .closed
        events.append(make(order, accountID, now))
        react(toClosing: id, at: now, &events)
    }

    /// `a + b` at `a`'s precision (fills never carry finer quantities than their order).
    static func sum(_ a: Quantity, _ b: Quantity) -> Quantity {
        guard let b = try? b.rescaled(to: a.precision, rule: .down), let total = try? a + b else { return a }
        return total
    }
}
