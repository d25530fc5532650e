import BourseCore
import BourseData
import BourseExecution
import BourseRisk

/// A paper session's kernel saved at a quiet bar and restored on restart (``KernelSessionSnapshot``).
extension Kernel where V == BacktestSimulatedVenue {
    /// The kernel's part of a snapshot after `eventsProcessed` events, or `nil` when it cannot be
    /// restored exactly: the strategy is not a ``RestorableStrategy``, an order works or waits to
    /// be sized, a command is queued, a timer is set, the kill switch has tripped, the risk gate
    /// keeps state (only ``PassThroughRiskEngine`` keeps none), a stream is not plain bars (ticks,
    /// bars aggregated on the fly) or the venue has commands in flight.
    func sessionSnapshot(eventsProcessed: Int) -> KernelSessionSnapshot? {
        guard let restorable = strategy as? any RestorableStrategy, let recorder, R.self == PassThroughRiskEngine.self,
            oms.openOrders().isEmpty, context.pendingSized.isEmpty, context.commands.isEmpty, clock.nextEventTime == nil,
            killSwitch.state == .active, let lastBars = lastBars(), let venueState = venue.savedState()
        else { return nil }
        return KernelSessionSnapshot(
            eventsProcessed: eventsProcessed, cursor: data.cursor, now: clock.now, nextClientOrder: orders.nextClientOrder,
            signalCount: recorder.signalCount, signalTime: recorder.signalTime, lastBars: lastBars,
            strategy: restorable.savedState(), venue: venueState)
    }

    /// The last bar processed of each stream (``PaperSessionSnapshot/fingerprint(_:)``, empty before
    /// its first); `nil` when a stream is not plain bars.
    private func lastBars() -> [[Int64]]? {
        let cursor = data.cursor
        var bars: [[Int64]] = []
        for (stream, source) in zip(data.streams, data.sources) {
            guard source == nil, case .bars(let series) = stream else { return nil }
            let row = cursor[bars.count]
            bars.append(row > 0 ? PaperSessionSnapshot.fingerprint(series[row - 1]) : [])
        }
        return bars
    }

    /// Puts a started kernel (``start()`` ran: the strategy subscribed and registered its
    /// indicators) where it was at `snapshot`: the data engine's place, the clock, the venue, the
    /// strategy's state, the counters; the portfolio (positions, cash, round trips) is rebuilt from
    /// `fills`, the journal's fills up to the snapshot (which also bring the commission model's carried
    /// remainder back), and marked at the last bars' closes.
    /// Round trips keep no excursions before the snapshot and the equity curve starts at it.
    func restore(_ snapshot: KernelSessionSnapshot, fills journaled: [OrderFilled]) throws(EngineError) {
        guard phase == .running, fills.isEmpty, portfolio.curve.count == 0 else {
            throw .configuration("a snapshot restores into a kernel just started")
        }
        guard let current = lastBars(), current.count == snapshot.cursor.count, data.move(to: snapshot.cursor) else {
            throw .data("the snapshot's place in the input (\(snapshot.cursor)) is not in this input")
        }
        guard lastBars() == snapshot.lastBars else {
            throw .data("the bars before the snapshot differ from the input's: was the input file changed?")
        }
        do { _ = try clock.advance(to: snapshot.now) } catch { throw .data("snapshot clock: \(error)") }
        openedAt = snapshot.now.rawValue
        do { try venue.restore(snapshot.venue) } catch { throw .data("snapshot venue: \(error)") }
        for fill in journaled {
            guard let index = portfolio.index(of: fill.instrumentID) else {
                throw .accounting("journaled fill of \(fill.clientOrderID) for unknown instrument \(fill.instrumentID)")
            }
            // The commission model carries its rounding remainder from fill to fill: the same fills give it the same.
            let notional = try? portfolio.instruments[index].notional(quantity: fill.lastQuantity, price: fill.lastPrice)
            guard let notional, venue.feeModel.commission(notionalRaw: notional.raw) == fill.commission.raw else {
                throw .accounting("journaled fill \(fill.tradeID) of \(fill.clientOrderID): its commission is not this venue's")
            }
            let before = portfolio.positions[index]
            let after = try portfolio.apply(fill: fill, index: index).position
            fills.append(fill)
            if let trip = trackers[index].record(fill: fill, before: before, after: after) { trades.append(trip) }
        }
        for (stream, row) in snapshot.cursor.enumerated() where row > 0 {
            guard case .bars(let series) = data.streams[stream] else { continue }
            portfolio.mark(streamInstrument[stream], price: series[row - 1].close)
            venueSawBars[streamInstrument[stream]] = true
        }
        orders.nextClientOrder = snapshot.nextClientOrder
        recorder?.signalCount = snapshot.signalCount
        recorder?.signalTime = snapshot.signalTime
        try call { (s: inout S, _) throws in
            guard var restorable = s as? any RestorableStrategy else {
                throw EngineError.configuration("\(S.name) cannot restore a saved state")
            }
            try restorable.restore(savedState: snapshot.strategy)
            guard let restored = restorable as? S else { throw EngineError.configuration("\(S.name) restored as another type") }
            s = restored
        }
    }
}
