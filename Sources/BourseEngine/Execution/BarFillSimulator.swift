public import BourseCore

/// The kernel's built-in simulated venue for bar data: it holds working orders per
/// instrument and decides, bar by bar, which of them match and at what price. The kernel
/// books the matches (funds check, commission, events).
///
/// Matching rules (documented conventions):
/// - **market** orders fill at the next bar's open (``FillTiming/nextBarOpen``) or at once at
///   the current close (``FillTiming/currentBarClose``), in submission order; sized market
///   orders (``SizedMarketOrder``) are sized and filled after the plain market orders of the
///   same open, so a "close, then reverse with all the cash" pair sees the cash of the close;
/// - the bar becomes a price path open → high → low → close, or open → low → high → close
///   when the low is nearer the open (ties: high first);
/// - a **limit** buy fills when the path reaches its price, at the price, or at the segment's
///   start if that is already better (a gap); sells mirror;
/// - a **stop-market** buy triggers when the path reaches its trigger and fills at the trigger,
///   or at the segment's start when it gapped through; sells mirror;
/// - orders on one path segment are checked in the order they were accepted; fills are whole
///   (no partial fills by volume); fills on the path are stamped with the bar's close time,
///   fills at the open with its open time.
/// Other order types (stop-limit, touched, trailing) are rejected with a clear reason:
/// BourseExecution's `SimulatedVenue` models them.
public struct BarFillSimulator: Sendable {
    /// A working order as the simulator sees it.
    struct Working: Sendable {
        let id: ClientOrderID
        let side: OrderSide
        let type: OrderType
        var quantity: Quantity
        var price: Price?
        var triggerPrice: Price?
    }

    public let fillTiming: FillTiming
    /// Market orders waiting for the next open, per instrument.
    var pendingMarket: [[Working]]
    /// Sized market orders waiting for the next open, per instrument.
    var pendingSized: [[SizedMarketOrder]]
    /// Limit and stop orders, per instrument, in acceptance order.
    var resting: [[Working]]
    /// Bracket children waiting for their entry to fill, by entry id.
    var heldChildren: [ClientOrderID: [ClientOrderID]] = [:]

    public init(instrumentCount: Int, fillTiming: FillTiming) {
        self.fillTiming = fillTiming
        pendingMarket = Array(repeating: [], count: instrumentCount)
        pendingSized = Array(repeating: [], count: instrumentCount)
        resting = Array(repeating: [], count: instrumentCount)
    }

    /// Whether the simulator models this order type.
    static func supports(_ type: OrderType) -> Bool {
        type == .market || type == .limit || type == .stopMarket
    }

    /// Whether any order waits on instrument `index` (lets the kernel skip empty bars fast).
    @inline(__always)
    func hasWork(_ index: Int) -> Bool {
        !pendingMarket[index].isEmpty || !pendingSized[index].isEmpty || !resting[index].isEmpty
    }

    /// Removes a working order wherever it is; returns whether it was there.
    mutating func remove(_ id: ClientOrderID, instrument index: Int) -> Bool {
        if let i = pendingMarket[index].firstIndex(where: { $0.id == id }) {
            pendingMarket[index].remove(at: i)
            return true
        }
        if let i = resting[index].firstIndex(where: { $0.id == id }) {
            resting[index].remove(at: i)
            return true
        }
        return false
    }

    /// Changes a resting order; returns whether it was found.
    mutating func modify(_ id: ClientOrderID, instrument index: Int, quantity: Quantity?, price: Price?, trigger: Price?) -> Bool {
        guard let i = resting[index].firstIndex(where: { $0.id == id }) else { return false }
        if let quantity { resting[index][i].quantity = quantity }
        if let price { resting[index][i].price = price }
        if let trigger { resting[index][i].triggerPrice = trigger }
        return true
    }

    /// The fill price of a resting order on the path segment `from → to`, or `nil`.
    @inline(__always)
    static func matchPrice(_ order: Working, from: Price, to: Price) -> Price? {
        let low = min(from, to)
        let high = max(from, to)
        switch (order.type, order.side) {
        case (.limit, .buy):
            guard let p = order.price, low <= p else { return nil }
            return from <= p ? from : p
        case (.limit, .sell):
            guard let p = order.price, high >= p else { return nil }
            return from >= p ? from : p
        case (.stopMarket, .buy):
            guard let t = order.triggerPrice, high >= t else { return nil }
            return from >= t ? from : t
        case (.stopMarket, .sell):
            guard let t = order.triggerPrice, low <= t else { return nil }
            return from <= t ? from : t
        default:
            return nil
        }
    }

    /// The intrabar path of a bar: open, nearer extreme, farther extreme, close.
    @inline(__always)
    static func path(open: Price, high: Price, low: Price, close: Price) -> (Price, Price, Price, Price) {
        let highFirst = high.raw - open.raw <= open.raw - low.raw
        return highFirst ? (open, high, low, close) : (open, low, high, close)
    }
}
