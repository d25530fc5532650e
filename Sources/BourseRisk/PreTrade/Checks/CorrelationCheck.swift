public import BourseCore
public import OrderedCollections

/// No new position whose rolling return correlation with an open position, signed by the two
/// directions, exceeds the bound (see ``CorrelationLimit``). The engine feeds the returns with
/// ``RiskEngine/recordReturn(_:_:at:)``; the last `window` of each instrument are kept.
///
/// Correlations are cached per pair of instruments and computed again only after one of the two
/// records a return, so a pre-trade pass costs O(open positions) between returns.
///
/// - Complexity: O(open positions) for an order opening a position, plus O(window) for each pair
///   whose returns changed since it was last computed; O(1) otherwise.
public struct CorrelationCheck: PreTradeCheck {
    public static let name = RiskCheckName.correlation
    public let limit: CorrelationLimit
    /// The kept returns of each instrument, in the order their first return arrived.
    public private(set) var returns: OrderedDictionary<InstrumentID, ReturnWindow> = [:]
    /// The index in ``returns`` of each instrument of the portfolio last bound, by its index in the portfolio.
    private var seriesBySlot: [Int?] = []
    /// Whether an instrument got its first return since the last ``bind(to:)``.
    private(set) var needsBinding = false
    private var cache = CorrelationCache()

    public init(_ limit: CorrelationLimit) { self.limit = limit }

    mutating func record(_ instrumentID: InstrumentID, _ value: Double, at time: Int64) {
        if returns[instrumentID] == nil { needsBinding = true }
        returns[instrumentID, default: ReturnWindow(capacity: limit.window)].append(value, at: time)
    }

    /// Maps the portfolio's instruments to their return series.
    mutating func bind(to portfolio: PortfolioSnapshot) {
        seriesBySlot = portfolio.instruments.keys.map { returns.index(forKey: $0) }
        needsBinding = false
    }

    /// Computes the stale correlations `order` will be compared on.
    mutating func refresh(for order: PreTradeOrder, portfolio: PortfolioSnapshot) {
        guard order.positionRaw == 0, let mine = series(order.slot) else { return }
        for slot in portfolio.openPositionSlots where slot != order.slot {
            guard let theirs = series(slot) else { continue }
            cache.refresh(mine, theirs, returns, minObservations: limit.minObservations)
        }
    }

    public func evaluate(_ order: PreTradeOrder, portfolio: PortfolioSnapshot) -> CheckOutcome {
        guard order.positionRaw == 0, let mine = series(order.slot) else { return .pass }
        for slot in portfolio.openPositionSlots where slot != order.slot {
            guard let theirs = series(slot),
                let rho = cache.correlation(mine, theirs, returns, minObservations: limit.minObservations)
            else { continue }
            let position = portfolio.instruments.values[slot].signedQuantityRaw
            let directional = position > 0 ? rho * Double(order.sign) : -rho * Double(order.sign)
            if directional > limit.maxCorrelation {
                let id = portfolio.instruments.keys[slot]
                let count = min(returns.values[mine].count, returns.values[theirs].count)
                return .deny(
                    reason: "return correlation \(rho) of \(order.request.instrumentID) with the open "
                        + "\(position > 0 ? "long" : "short") position in \(id) over the last "
                        + "\(count) returns gives \(directional) for a \(order.request.side), "
                        + "above the limit \(limit.maxCorrelation)")
            }
        }
        return .pass
    }

    private func series(_ slot: Int) -> Int? { slot < seriesBySlot.count ? seriesBySlot[slot] : nil }
}
