import BourseCore
import BourseExecution
import Testing

/// The emulator in front of a market-and-limit venue must trade like a venue that holds the
/// orders itself: same fills (quantity, price, time) and the same final statuses, on random
/// quote paths and random stop, stop-limit, if-touched and trailing orders. Each seed is a case.
///
/// Quotes, not trades: with trade prints only, a venue that holds a stop fills it at the print
/// that triggered it, while a released order can only fill at the next print — the emulator
/// sees the print after the venue did (documented on ``OrderEmulator``).
@Suite("Emulated orders trade like native ones")
struct EmulationPropertyTests {
    struct Plan {
        var prices: [Int64] = []  // raw, 2 decimals
        var orders: [(at: Int, order: OrderInitialized)] = []
    }

    static func plan(seed: Int) throws -> Plan {
        var rng = SplitMix64(seed: UInt64(seed) &* 104_729 &+ 17)
        var plan = Plan()
        var price: Int64 = 10_000
        for _ in 0..<40 {
            price = max(9_000, min(11_000, price + Int64.random(in: -40...40, using: &rng)))
            plan.prices.append(price)
        }
        let types: [OrderType] = [.stopMarket, .stopLimit, .marketIfTouched, .limitIfTouched, .trailingStopMarket, .trailingStopLimit]
        for n in 1...Int.random(in: 1...4, using: &rng) {
            let at = Int.random(in: 0..<30, using: &rng)
            let reference = plan.prices[at]
            let type = types.randomElement(using: &rng)!
            let side: OrderSide = Bool.random(using: &rng) ? .buy : .sell
            let near = { (rng: inout SplitMix64) in Price(uncheckedRaw: reference + Int64.random(in: -150...150, using: &rng), precision: 2) }
            let offsetType = TrailingOffsetType.allCases.randomElement(using: &rng)!
            let offset: TrailingOffset? =
                type.isTrailing
                ? try TrailingOffset(
                    offsetType == .ticks ? Price(uncheckedRaw: Int64.random(in: 5...60, using: &rng), precision: 0)
                        : offsetType == .basisPoints ? Price(uncheckedRaw: Int64.random(in: 5...80, using: &rng), precision: 0)
                        : Price(uncheckedRaw: Int64.random(in: 5...60, using: &rng), precision: 2),
                    limitOffset: type == .trailingStopLimit ? Price(uncheckedRaw: Int64.random(in: 0...20, using: &rng), precision: offsetType == .price ? 2 : 0) : nil,
                    type: offsetType)
                : nil
            let order = try OrderInitialized(
                clientOrderID: Fixture.id(n), strategyID: Fixture.strategy, instrumentID: Fixture.instrument.id, side: side,
                type: type, quantity: Quantity(uncheckedRaw: Int64.random(in: 1...50, using: &rng), precision: 0),
                price: type.requiresPrice ? near(&rng) : nil, triggerPrice: type.requiresTriggerPrice ? near(&rng) : nil,
                trailingOffset: offset, tsInit: Fixture.t0 + .seconds(Int64(at) + 1))
            plan.orders.append((at, order))
        }
        return plan
    }

    @Test(arguments: 0..<120)
    func sameFillsAsTheNativeVenue(seed: Int) throws {
        let plan = try Self.plan(seed: seed)
        let native = try Harness()
        let emulated = try EmulationHarness()
        for (index, raw) in plan.prices.enumerated() {
            let bid = Price(uncheckedRaw: raw - 1, precision: 2).description
            let ask = Price(uncheckedRaw: raw + 1, precision: 2).description
            try native.quote(Int64(index) + 1, bid: bid, ask: ask)
            try emulated.quote(Int64(index) + 1, bid: bid, ask: ask)
            for (at, order) in plan.orders where at == index {
                try native.submit(order)
                try emulated.submit(order)
            }
        }
        // Fills at the same instant are compared as a set: orders triggered by one quote all take
        // that quote, the native venue lists them nearest trigger first, the emulator in
        // submission order.
        let describe = { (fills: [OrderFilled]) in
            fills.map { "\($0.tsEvent) \($0.clientOrderID) \($0.lastQuantity) @ \($0.lastPrice)" }.sorted()
        }
        #expect(describe(emulated.fills) == describe(native.fills), "seed \(seed)")
        for (_, order) in plan.orders {
            let id = order.clientOrderID
            #expect(emulated.oms.order(id)?.status == native.oms.order(id)?.status, "seed \(seed) \(id) \(order.type)")
        }
        #expect(emulated.venueOrderTypes.allSatisfy { $0 == .market || $0 == .limit })
        #expect(emulated.oms.unappliedEvents.isEmpty)
    }
}
