import BourseCore

/// Builds ``RoundTrip`` values from the fills of one instrument's netting position.
struct TradeTracker: Sendable {
    private var open = false
    private var side: PositionSide = .flat
    private var entryTime = UnixNanos.zero
    private var entryQuantity = 0.0
    private var entryNotional = 0.0
    private var exitQuantity = 0.0
    private var exitNotional = 0.0
    private var maxQuantity = 0.0
    private var realizedAtStart: Int64 = 0
    private var mae = 0.0
    private var mfe = 0.0
    /// Average open price and open quantity of the position, cached at each fill (the
    /// per-bar MAE/MFE update must not recompute them).
    private var averagePrice = 0.0
    private var openQuantity = 0.0

    /// Books a fill given the position before and after it; returns the trip it completed.
    mutating func record(fill: OrderFilled, before: Position, after: Position) -> RoundTrip? {
        defer {
            averagePrice = after.averageOpenPriceDouble ?? 0
            openQuantity = after.quantity.doubleValue
        }
        let q = fill.lastQuantity.doubleValue
        let p = fill.lastPrice.doubleValue
        if !open {
            start(fill: fill, quantity: q, price: p, side: after.side, realizedAtStart: before.realizedPnL.raw)
            return nil
        }
        let sameSide = (side == .long) == (fill.side == .buy)
        if sameSide {
            entryQuantity += q
            entryNotional += q * p
            maxQuantity = max(maxQuantity, after.quantity.doubleValue)
            return nil
        }
        observe(high: p, low: p)
        let held = before.quantity.doubleValue
        let closing = min(q, held)
        exitQuantity += closing
        exitNotional += closing * p
        guard after.isFlat || after.side != side else { return nil }
        let trip = finish(instrumentID: after.instrumentID, exitTime: fill.tsEvent, realizedNow: after.realizedPnL, openPnL: nil)
        if !after.isFlat {
            start(fill: fill, quantity: q - closing, price: p, side: after.side, realizedAtStart: after.realizedPnL.raw)
        }
        return trip
    }

    /// Updates MAE/MFE with a bar's extremes.
    @inline(__always)
    mutating func observe(high: Double, low: Double) {
        guard open else { return }
        let (average, q) = (averagePrice, openQuantity)
        let (worst, best) = side == .long ? ((low - average) * q, (high - average) * q) : ((average - high) * q, (average - low) * q)
        mae = min(mae, worst)
        mfe = max(mfe, best)
    }

    /// The trip still open at the end, valued at `mark` (`nil` when flat).
    func openTrip(position: Position, mark: Price?) -> RoundTrip? {
        guard open, let mark, let total = try? position.totalPnL(at: mark) else { return nil }
        let pnl = Money(uncheckedRaw: total.raw - realizedAtStart, currency: total.currency)
        return trip(instrumentID: position.instrumentID, exitTime: nil, exitPrice: nil, pnl: pnl)
    }

    private mutating func start(fill: OrderFilled, quantity: Double, price: Double, side: PositionSide, realizedAtStart: Int64) {
        open = true
        self.side = side
        entryTime = fill.tsEvent
        entryQuantity = quantity
        entryNotional = quantity * price
        exitQuantity = 0
        exitNotional = 0
        maxQuantity = quantity
        self.realizedAtStart = realizedAtStart
        mae = 0
        mfe = 0
    }

    private mutating func finish(instrumentID: InstrumentID, exitTime: UnixNanos, realizedNow: Money, openPnL: Money?) -> RoundTrip {
        open = false
        let pnl = Money(uncheckedRaw: realizedNow.raw - realizedAtStart, currency: realizedNow.currency)
        return trip(
            instrumentID: instrumentID, exitTime: exitTime, exitPrice: exitQuantity > 0 ? exitNotional / exitQuantity : nil,
            pnl: pnl)
    }

    private func trip(instrumentID: InstrumentID, exitTime: UnixNanos?, exitPrice: Double?, pnl: Money) -> RoundTrip {
        RoundTrip(
            instrumentID: instrumentID, side: side, quantity: maxQuantity, entryTime: entryTime,
            entryPrice: entryQuantity > 0 ? entryNotional / entryQuantity : 0, exitTime: exitTime, exitPrice: exitPrice,
            pnl: pnl, returnFraction: entryNotional > 0 ? pnl.doubleValue / entryNotional : 0, mae: mae, mfe: mfe)
    }
}
