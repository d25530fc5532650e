import BourseCore
import OrderedCollections
import BourseExecution
import Testing

/// Random seeded bars and orders against the simulated venue; each seed is a test case
/// argument, so a failure names its seed.
@Suite("Simulated venue properties")
struct PropertyTests {
    typealias Venue = SimulatedVenue<StandardFillModel, MakerTakerFeeModel, FixedLatency>

    struct Run {
        var h: Harness<StandardFillModel, MakerTakerFeeModel, FixedLatency>
        var slippageTicks: Int64
        var ocoPairs: [(ClientOrderID, ClientOrderID)] = []
        var violations: [String] = []
    }

    @Test(arguments: 0..<150)
    func randomBarsAndOrders(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &* 7919 &+ 1)
        let slippage = Int64.random(in: 0...3, using: &rng)
        let participation: Rate? = Bool.random(using: &rng) ? try Rate(parsing: "0.05") : nil
        let configuration = SimulatedVenueConfiguration.test(
            barExecution: Bool.random(using: &rng) ? .nextBarOpen : .onClose,
            limitFill: Bool.random(using: &rng) ? .onTouch : .onTradeThrough,
            startingBalances: [try Money(parsing: "100000000", .USD)])
        let h = try Harness(
            configuration: configuration, fills: StandardFillModel(slippage: .ticks(slippage), participation: participation),
            fees: MakerTakerFeeModel(maker: try Rate(parsing: "0.0002"), taker: try Rate(parsing: "0.001")),
            latency: FixedLatency.zero)
        var ocoPairs: [(ClientOrderID, ClientOrderID)] = []
        var close: Int64 = 10_000  // raw, 2 decimals
        var range = (low: Int64(0), high: Int64(0))
        var nextID = 1
        var violations: [String] = []
        let tick = slippage  // in raw cents, tick size 0.01

        func checkNewFills(from start: Int) {
            for event in h.events[start...] {
                guard case .filled(let f) = event else { continue }
                let p = f.lastPrice.raw
                if p < range.low - tick || p > range.high + tick {
                    violations.append("fill \(f.clientOrderID) at \(f.lastPrice) outside [\(range.low), \(range.high)] ± \(tick) ticks")
                }
            }
        }

        func randomOrder(_ links: OrderLinks = .none, id: Int) throws -> OrderInitialized {
            let types: [OrderType] = [.market, .limit, .stopMarket, .stopLimit, .marketIfTouched, .limitIfTouched]
            let type = types.randomElement(using: &rng)!
            let side: OrderSide = Bool.random(using: &rng) ? .buy : .sell
            let around = { (spread: Int64) in max(100, close + Int64.random(in: -spread...spread, using: &rng)) }
            let price = type.requiresPrice ? Price(uncheckedRaw: around(300), precision: 2) : nil
            let trigger = type.requiresTriggerPrice ? Price(uncheckedRaw: around(300), precision: 2) : nil
            let tifs: [TimeInForce] =
                type == .market ? [.gtc, .ioc, .fok, .day] : [.gtc, .ioc, .fok, .day, .gtd(expiry: h.clock.now + .minutes(5))]
            return try OrderInitialized(
                clientOrderID: Fixture.id(id), strategyID: Fixture.strategy, instrumentID: Fixture.instrument.id, side: side,
                type: type, quantity: Quantity(uncheckedRaw: Int64.random(in: 1...60, using: &rng), precision: 0), price: price,
                triggerPrice: trigger, timeInForce: links.contingency == .none ? tifs.randomElement(using: &rng)! : .gtc,
                links: links, tsInit: h.clock.now)
        }

        for minute in 1...80 {
            // A few commands after the last bar's close.
            for _ in 0..<Int.random(in: 0...3, using: &rng) {
                let start = h.events.count
                switch Int.random(in: 0..<10, using: &rng) {
                case 0..<6:
                    try h.submit(randomOrder(id: nextID))
                    nextID += 1
                case 6..<8:
                    let a = Fixture.id(nextID)
                    let b = Fixture.id(nextID + 1)
                    try h.submit(list: [
                        randomOrder(OrderLinks(contingency: .oco, linkedOrderIDs: [b]), id: nextID),
                        randomOrder(OrderLinks(contingency: .oco, linkedOrderIDs: [a]), id: nextID + 1),
                    ], id: "L-\(nextID)")
                    ocoPairs.append((a, b))
                    nextID += 2
                default:
                    if let open = h.oms.openOrders().randomElement(using: &rng) {
                        try h.oms.cancel(
                            CancelOrder(clientOrderID: open.clientOrderID, strategyID: open.strategyID,
                                instrumentID: open.instrumentID, tsInit: h.clock.now),
                            events: &h.events)
                    }
                }
                checkNewFills(from: start)
            }
            // A bar: random walk with an occasional gap.
            let gap = Int.random(in: 0..<8, using: &rng) == 0 ? Int64.random(in: -400...400, using: &rng) : 0
            let open = max(200, close + gap + Int64.random(in: -20...20, using: &rng))
            let c = max(200, open + Int64.random(in: -150...150, using: &rng))
            let high = max(open, c) + Int64.random(in: 0...120, using: &rng)
            let low = max(100, min(open, c) - Int64.random(in: 0...120, using: &rng))
            range = (low, high)
            let start = h.events.count
            try h.bar(
                Int64(minute), "\(Price(uncheckedRaw: open, precision: 2))", "\(Price(uncheckedRaw: high, precision: 2))",
                "\(Price(uncheckedRaw: low, precision: 2))", "\(Price(uncheckedRaw: c, precision: 2))",
                volume: "\(Int.random(in: 100...3000, using: &rng))")
            checkNewFills(from: start)
            close = c
        }

        #expect(violations.isEmpty, "seed \(seed): \(violations)")
        #expect(h.oms.unappliedEvents.isEmpty, "seed \(seed): \(h.oms.unappliedEvents.map(\.reason))")
        // The book's compact event log gives every order back its exact history, and replaying
        // that history rebuilds the same order.
        for order in h.oms.orders.values {
            let expected = [OrderEvent.initialized(order.initialized)] + h.events.filter { $0.clientOrderID == order.clientOrderID }
            #expect(order.events == expected, "seed \(seed): \(order.clientOrderID) history differs from the events")
            #expect((try? Order(replaying: order.events)) == order, "seed \(seed): \(order.clientOrderID) does not replay")
            #expect(h.oms.status(of: order.clientOrderID) == order.status, "seed \(seed)")
        }
        // Filled quantity never exceeds the order quantity (in the own book and at the venue).
        for order in h.oms.orders.values {
            #expect(order.filledQuantity <= order.quantity, "seed \(seed): \(order.clientOrderID) overfilled")
            let filled = h.fills.filter { $0.clientOrderID == order.clientOrderID }.reduce(Int64(0)) { $0 + $1.lastQuantity.raw }
            #expect(filled == order.filledQuantity.raw, "seed \(seed): \(order.clientOrderID) fills do not add up")
        }
        // An OCO pair never has both legs filled.
        for (a, b) in ocoPairs {
            let filledA = h.oms.order(a)?.fillCount ?? 0
            let filledB = h.oms.order(b)?.fillCount ?? 0
            #expect(filledA == 0 || filledB == 0, "seed \(seed): OCO \(a)/\(b) both filled")
        }
        // Conservation: at each fill's price, cash + position value changes only by the fee.
        var account = try Account(id: Fixture.accountID, deposits: [Money(parsing: "100000000", .USD)])
        var position: Int64 = 0
        for fill in h.fills {
            let p = Int128(fill.lastPrice.raw)
            let before = Int128(account.balance(.USD).total.raw) + Int128(position) * p
            try account.apply(fill: fill, instrument: Fixture.instrument)
            position += fill.side.sign * fill.lastQuantity.raw
            let after = Int128(account.balance(.USD).total.raw) + Int128(position) * p
            #expect(after - before == -Int128(fill.commission.raw), "seed \(seed): fill \(fill.tradeID) not conserved")
        }
        // The venue's own cash and position agree with the replay.
        #expect(h.venue.balanceReports().first?.total == account.balance(.USD).total, "seed \(seed)")
        let net = h.venue.netPosition(Fixture.instrument.id)
        #expect((net?.side == .short ? -1 : 1) * (net?.quantity.raw ?? 0) == position, "seed \(seed)")
        // Trade ids are unique.
        #expect(Set(h.fills.map(\.tradeID)).count == h.fills.count, "seed \(seed)")
    }

    @Test func theSameInputsGiveTheSameEvents() throws {
        func run() throws -> [OrderEvent] {
            let h = try Harness()
            try h.submit(Fixture.order(1, .buy, .limit, price: "99.50"))
            try h.submit(Fixture.order(2, .sell, .stopMarket, trigger: "98.00"))
            try h.bar(1, "100.00", "101.00", "97.00", "98.50")
            return h.events
        }
        #expect(try run() == run())
    }
}
