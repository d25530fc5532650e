public import BourseCore
import BourseExecution
public import BourseRisk

/// The kernel's kill switch (issue 7): its triggers are evaluated in the kernel and its actions
/// carried out through the order manager.
///
/// - Triggers: daily loss and drawdown (from the portfolio, see ``EquityMarks``) and market data
///   stale for a while (on the kernel clock), evaluated before and after every market data
///   event; the error rate, counted on every order the venue rejects; a venue disconnection
///   (``venueDisconnected(_:)``, for a live or paper session); manual (``triggerKillSwitch(operatorName:reason:)``).
///   A trigger that cannot be evaluated trips the switch (fail safe).
/// - Actions, in order: stop new orders (every command but a cancel or an order that only reduces
///   a position is denied by ``RiskCheckName/killSwitch``, before the risk engine); cancel every
///   open order (and drop the sized orders not yet sent); flatten every position with a
///   reduce-only market order (`KILL-n`), sent straight to the order manager: the pre-trade
///   limits never block an exit.
/// - Trading resumes only after ``resetKillSwitch(operatorName:reason:)`` names who and why. The
///   reset re-bases the loss triggers: the peak and the start-of-day equity become the equity at
///   the reset (the operator accepted the loss so far), and further losses are measured from there.
///
/// Every change is published on ``killSwitchEvents`` as a ``KillSwitchStateChanged``, after the
/// actions were carried out (the order events they caused come first).
extension Kernel {
    /// The kill switch: its state and its history of trips and resets.
    public var killSwitch: KillSwitch { safety.killSwitch }

    /// Sets the kill switch's triggers and actions, keeping its state and history; the stale-data
    /// clock restarts now.
    public func configureKillSwitch(_ configuration: KillSwitchConfiguration) {
        safety = KernelKillSwitch(
            configuration, startedAt: clock.now, startingCashRaw: portfolio.startingCash.raw,
            history: safety.killSwitch.history)
    }

    /// An operator pulls the switch.
    public func triggerKillSwitch(operatorName: String, reason: String) throws(EngineError) {
        try carryOut(safety.killSwitch.trigger(operatorName: operatorName, reason: reason, at: clock.now), who: operatorName)
    }

    /// A live or paper session reports that `venue` disconnected.
    public func venueDisconnected(_ venue: Venue) throws(EngineError) {
        try carryOut(safety.killSwitch.venueDisconnected(venue, at: clock.now), who: "venue \(venue.value)")
    }

    /// The only way back to trading: an operator, named, saying why. The loss triggers then measure
    /// from the equity now; the others (stale data, error rate) trip again if their condition holds.
    /// - Throws: ``KillSwitchError`` when the switch is not triggered, or without operator or reason.
    public func resetKillSwitch(operatorName: String, reason: String) throws(KillSwitchError) {
        let actions = try safety.killSwitch.reset(operatorName: operatorName, reason: reason, at: clock.now)
        safety.refresh()
        safety.marks.rebase(portfolio, today: Portfolio.day(of: clock.now.rawValue))
        publish(KillSwitchStateChanged(change: .reset, who: operatorName, why: reason, actions: actions, ts: clock.now))
    }

    /// Evaluates the daily-loss, drawdown and stale-data triggers now (the kernel does so around
    /// every market data event; a live session also calls it on a timer).
    public func evaluateKillSwitch() throws(EngineError) {
        try evaluateKillSwitch(at: clock.now.rawValue)
    }

    /// Before market data at `ts` is processed: a gap since the last data trips the stale-data trigger here.
    @inline(__always)
    func marketDataArriving(at ts: Int64) throws(EngineError) {
        if safety.evaluatesEvents { try evaluateKillSwitch(at: ts) }
    }

    /// After market data at `ts` was processed (marks and equity updated).
    @inline(__always)
    func marketDataProcessed(at ts: Int64) throws(EngineError) {
        safety.lastMarketData = ts
        if safety.evaluatesEvents { try evaluateKillSwitch(at: ts) }
    }

    /// The venue rejected an order: it counts towards the error rate.
    func venueRejectedOrder() throws(EngineError) {
        try carryOut(safety.killSwitch.recordError(at: clock.now), who: "kernel")
    }

    /// The kill switch's decision on a command: `nil` lets it through (an active switch, a
    /// cancel, or an order that only reduces its position, counting the orders working on its side).
    func killSwitchDecision(_ request: RiskRequest) -> RiskDecision? {
        guard safety.halted, request.action != .cancel, case .triggered(let trigger) = safety.killSwitch.state else { return nil }
        var reason = "the kill switch is triggered (\(trigger)): only orders that reduce a position pass"
        if let index = portfolio.index(of: request.instrumentID) {
            let precision = portfolio.instruments[index].sizePrecision
            let position = portfolio.positions[index]
            let open = openQuantities(request.instrumentID)
            let working = (request.side == .buy ? open.buy : open.sell).raw
            let sign: Int64 = request.side == .buy ? 1 : -1
            if let quantity = try? request.quantity.rescaled(to: precision, rule: .up).raw,
                let replaced = try? request.replacedQuantity.rescaled(to: precision, rule: .down).raw
            {
                let total = Int128(working) - Int128(replaced) + Int128(quantity)
                if sign * position.signedQuantityRaw < 0, total <= Int128(position.signedQuantityRaw.magnitude) { return nil }
                let side = Quantity(uncheckedRaw: working - replaced, precision: precision)
                reason += "; \(request.side) \(request.quantity) with position \(position.side) \(position.quantity) "
                    + "and \(side) working on that side would not"
            }
        }
        return RiskDecision(
            action: request.action, clientOrderID: request.clientOrderID, instrumentID: request.instrumentID,
            outcome: .denied(RiskDenial(check: .killSwitch, reason: reason)), ts: request.ts)
    }

    private func evaluateKillSwitch(at ts: Int64) throws(EngineError) {
        guard !safety.halted else { return }
        safety.marks.update(portfolio, today: Portfolio.day(of: ts))
        let actions = safety.killSwitch.evaluate(at: UnixNanos(ts)) { () throws(EngineError) in try killSwitchInputs(at: ts) }
        try carryOut(actions, who: "kernel")
    }

    /// What the triggers read; throws when the equity cannot be valued (the switch then trips).
    private func killSwitchInputs(at ts: Int64) throws(EngineError) -> KillSwitchInputs {
        let total = portfolio.markValues.reduce(Int128(portfolio.cashRaw)) { $0 + Int128($1) }
        guard let equity = Int64(exactly: total) else {
            throw .accounting("the equity (cash + positions) overflows its \(portfolio.currency.code) amount")
        }
        let money = { (raw: Int64) in Money(uncheckedRaw: raw, currency: self.portfolio.currency) }
        return KillSwitchInputs(
            now: UnixNanos(ts), equity: money(equity), startOfDayEquity: money(safety.marks.startOfDayRaw),
            peakEquity: money(safety.marks.peakRaw), lastMarketData: safety.lastMarketData.map(UnixNanos.init))
    }

    /// Carries out what a trip returned (nothing when the switch did not trip), then publishes the change.
    private func carryOut(_ actions: [KillSwitchAction], who: String) throws(EngineError) {
        guard !actions.isEmpty, case .triggered(let trigger) = safety.killSwitch.state,
            case .triggered(_, let reason, let ts)? = safety.killSwitch.history.last
        else { return }
        safety.refresh()
        var canceled: [ClientOrderID] = []
        var flattening: [ClientOrderID] = []
        for action in actions {
            switch action {
            case .stopNewOrders, .resumeTrading: break
            case .cancelAllOrders: canceled = try cancelEveryOrder()
            case .flattenAllPositions: flattening = try flattenEveryPosition()
            }
        }
        publish(
            KillSwitchStateChanged(
                change: .triggered(trigger), who: who, why: reason, actions: actions, canceledOrders: canceled,
                flatteningOrders: flattening, ts: ts))
    }

    /// Cancels every open order and drops the sized orders not yet sent; their ids.
    private func cancelEveryOrder() throws(EngineError) -> [ClientOrderID] {
        let ids = context.pendingSized.map(\.0) + oms.openOrders().map(\.clientOrderID)
        for id in ids { try cancel(id) }
        return ids
    }

    /// Sends a reduce-only market order closing each open position; their ids.
    private func flattenEveryPosition() throws(EngineError) -> [ClientOrderID] {
        var ids: [ClientOrderID] = []
        for index in portfolio.positions.indices where !portfolio.positions[index].isFlat {
            let position = portfolio.positions[index]
            safety.flatteningCount += 1
            let order: OrderInitialized
            do {
                order = try OrderInitialized(
                    clientOrderID: ClientOrderID("KILL-\(safety.flatteningCount)"), strategyID: context.strategyID,
                    instrumentID: position.instrumentID, side: position.signedQuantityRaw > 0 ? .sell : .buy, type: .market,
                    quantity: position.quantity, reduceOnly: true, tsInit: clock.now)
            } catch { throw .orderState("kill switch: the order flattening \(position.instrumentID) cannot be built: \(error)") }
            recorder?.correlate(order.clientOrderID, with: "KILL-SWITCH")
            try submitToOrderManager(order, index: index)
            ids.append(order.clientOrderID)
        }
        return ids
    }

    private func publish(_ change: KillSwitchStateChanged) {
        if bus.hasSubscribers(killSwitchEvents) { bus.publish(change, on: killSwitchEvents) }
    }
}
