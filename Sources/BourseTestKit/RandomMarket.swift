public import BourseCore

/// Seeded generators of market data and fills.
public enum RandomMarket {
    /// `count` fills in `instrument` with random sides, quantities of 1…`maxLots` lots and
    /// prices on a random walk of ±5 ticks per fill around `start`, never below one tick.
    /// Commissions are in the quote currency, 0…`maxCommissionRaw` raw units.
    public static func fills(
        count: Int, instrument: Instrument, start: Price, maxLots: Int64 = 100, maxCommissionRaw: Int64 = 100,
        using rng: inout some RandomNumberGenerator
    ) throws -> [OrderFilled] {
        var price = start.raw
        let tick = try instrument.tickSize.rescaled(to: start.precision).raw
        var fills: [OrderFilled] = []
        fills.reserveCapacity(count)
        for n in 0..<count {
            price = max(tick, price + Int64.random(in: -5...5, using: &rng) * tick)
            let side: OrderSide = Bool.random(using: &rng) ? .buy : .sell
            fills.append(
                try OrderFilled(
                    clientOrderID: TestDefaults.clientOrderID(n), strategyID: TestDefaults.strategyID,
                    instrumentID: instrument.id, accountID: TestDefaults.accountID,
                    venueOrderID: TestDefaults.venueOrderID(n), tradeID: TestDefaults.tradeID(n), side: side,
                    orderType: .market,
                    lastQuantity: Quantity(raw: Int64.random(in: 1...maxLots, using: &rng) * instrument.lotSize.raw, precision: instrument.sizePrecision),
                    lastPrice: Price(raw: price, precision: start.precision),
                    commission: Money(uncheckedRaw: Int64.random(in: 0...maxCommissionRaw, using: &rng), currency: instrument.quoteCurrency),
                    liquiditySide: Bool.random(using: &rng) ? .maker : .taker,
                    tsEvent: TestDefaults.time + .seconds(Int64(n))))
        }
        return fills
    }

    /// `count` consecutive valid bars of `barType` (a time aggregation) closing at
    /// `firstClose`, `firstClose + duration`, …, on a random walk from `start`.
    public static func bars(
        count: Int, barType: BarType, start: Price, firstClose: UnixNanos, using rng: inout some RandomNumberGenerator
    ) throws -> [Bar] {
        let step = barType.spec.duration ?? .minutes(1)
        let unit = max(1, start.raw / 1000)
        var close = start.raw
        var bars: [Bar] = []
        bars.reserveCapacity(count)
        for n in 0..<count {
            let open = close
            close = max(unit, open + Int64.random(in: -10...10, using: &rng) * unit)
            let high = max(open, close) + Int64.random(in: 0...5, using: &rng) * unit
            let low = max(1, min(open, close) - Int64.random(in: 0...5, using: &rng) * unit)
            func p(_ raw: Int64) -> Price { Price(uncheckedRaw: raw, precision: start.precision) }
            bars.append(
                try Bar(
                    barType: barType, open: p(open), high: p(high), low: p(low), close: p(close),
                    volume: Quantity(raw: Int64.random(in: 0...10_000, using: &rng), precision: 0),
                    tsEvent: firstClose + step * Int64(n)))
        }
        return bars
    }
}
