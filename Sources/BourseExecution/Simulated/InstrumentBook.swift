import BourseCore

/// The simulated venue's state for one instrument: the last market prices, the net
/// position, and the orders working in it, with the price levels that let a bar or
/// tick that reaches no order be dismissed in O(1).
struct InstrumentBook {
    let instrument: Instrument
    /// Slots of the active (working or triggered) orders, in time priority.
    var active: [Int] = []
    /// Net position in raw units of the instrument's size precision (+ long, − short).
    var positionRaw: Int64 = 0
    var positionTsLast: UnixNanos?
    /// Last quote (raw prices), when quotes were seen.
    var bid: Int64?
    var ask: Int64?
    /// Last trade price, or last bar close.
    var last: Int64?
    /// Whether the venue has seen at least one bar (auction orders need bars).
    var hasBars = false
    /// Volume still available to fills in the current bar or trade (raw); `nil` when unlimited.
    var volumeLeft: Int64?

    /// Highest level at which an order activates when the price falls to it (buy limits, sell stops, buy if-touched).
    private(set) var maxDownLevel: Int64 = .min
    /// Lowest level at which an order activates when the price rises to it (sell limits, buy stops, sell if-touched).
    private(set) var minUpLevel: Int64 = .max
    /// Orders that must see every price (market-like, trailing, IOC/FOK/auction waiting for a price).
    private(set) var alwaysCount = 0
    /// Whether the levels must be recomputed.
    var levelsStale = false

    init(instrument: Instrument) {
        self.instrument = instrument
    }

    /// The current market for an order arriving now: the quote's far side when quotes are
    /// known, else the last trade (or, with ``BarExecution/onClose``, the last bar's close).
    func currentPrice(for side: OrderSide) -> Int64? {
        if let bid, let ask { return side == .buy ? ask : bid }
        return last
    }

    /// Whether prices spanning `[low, high]` may reach any active order (conservative).
    @inline(__always)
    func mayReach(low: Int64, high: Int64) -> Bool {
        alwaysCount > 0 || low <= maxDownLevel || high >= minUpLevel
    }

    /// Adds an order that just became active, keeping the levels current.
    mutating func add(_ slot: Int, _ order: VenueOrder) {
        active.append(slot)
        guard !levelsStale else { return }
        include(Self.level(of: order))
    }

    /// Removes an order that is no longer active.
    mutating func remove(_ slot: Int) {
        // From the end: the order closed is usually the newest (a market order filled on arrival).
        guard let index = active.lastIndex(of: slot) else { return }
        active.remove(at: index)
        levelsStale = true
    }

    private mutating func include(_ level: Level) {
        switch level {
        case .always: alwaysCount += 1
        case .down(let level): maxDownLevel = max(maxDownLevel, level)
        case .up(let level): minUpLevel = min(minUpLevel, level)
        }
    }

    /// Recomputes the activation levels from the active orders.
    mutating func recomputeLevels(_ orders: ChunkedBuffer<VenueOrder>) {
        maxDownLevel = .min
        minUpLevel = .max
        alwaysCount = 0
        for slot in active { include(Self.level(of: orders[slot])) }
        levelsStale = false
    }

    enum Level {
        case always
        case down(Int64)
        case up(Int64)
    }

    static func level(of order: VenueOrder) -> Level {
        if order.actsAsMarket || order.type.isTrailing { return .always }
        switch order.initialized.timeInForce {
        case .ioc, .fok, .atTheOpen, .atTheClose: return .always
        case .day, .gtc, .gtd: break
        }
        let buy = order.side == .buy
        if order.actsAsLimit, let price = order.priceRaw { return buy ? .down(price) : .up(price) }
        guard let trigger = order.triggerRaw else { return .always }
        switch order.type {
        case .stopMarket, .stopLimit: return buy ? .up(trigger) : .down(trigger)
        case .marketIfTouched, .limitIfTouched: return buy ? .down(trigger) : .up(trigger)
        case .market, .limit, .trailingStopMarket, .trailingStopLimit: return .always
        }
    }
}
