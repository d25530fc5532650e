public import BourseCore
import OrderedCollections

/// No new position whose rolling return correlation with an open position, signed by the two
/// directions, exceeds the bound (see ``CorrelationLimit``). The engine feeds the returns with
/// ``RiskEngine/recordReturn(_:_:)``; the last `window` of each instrument are kept.
///
/// - Complexity: O(open positions × window) for an order opening a position; O(1) otherwise.
public struct CorrelationCheck: PreTradeCheck {
    public static let name = RiskCheckName.correlation
    public let limit: CorrelationLimit
    public internal(set) var returns: [InstrumentID: ReturnWindow] = [:]

    public init(_ limit: CorrelationLimit) { self.limit = limit }

    mutating func record(_ instrumentID: InstrumentID, _ value: Double) {
        returns[instrumentID, default: ReturnWindow(capacity: limit.window)].append(value)
    }

    public func evaluate(_ order: PreTradeOrder, portfolio: PortfolioSnapshot) -> CheckOutcome {
        guard order.positionRaw == 0, let mine = returns[order.request.instrumentID] else { return .pass }
        for (id, position) in portfolio.openPositions where id != order.request.instrumentID {
            guard let theirs = returns[id], let rho = mine.correlation(with: theirs, minObservations: limit.minObservations)
            else { continue }
            let directional = position > 0 ? rho * Double(order.sign) : -rho * Double(order.sign)
            if directional > limit.maxCorrelation {
                return .deny(
                    reason: "return correlation \(rho) of \(order.request.instrumentID) with the open "
                        + "\(position > 0 ? "long" : "short") position in \(id) over the last "
                        + "\(min(mine.count, theirs.count)) returns gives \(directional) for a \(order.request.side), "
                        + "above the limit \(limit.maxCorrelation)")
            }
        }
        return .pass
    }
}
