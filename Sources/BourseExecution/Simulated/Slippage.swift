public import BourseCore

/// A fixed adverse price move applied to executions that take liquidity
/// (market orders, triggered stops): buys pay more, sells receive less.
public enum Slippage: Sendable, Hashable {
    /// No slippage.
    case none
    /// A number of the instrument's ticks.
    case ticks(Int64)
    /// Basis points of the price (`5` = 0.05 %), rounded adversely up to a whole number of ticks.
    case basisPoints(Int64)

    /// `price` (at the instrument's price precision) moved against `side` by this slippage.
    /// - Complexity: O(1), no allocation.
    public func applied(to price: Price, side: OrderSide, instrument: Instrument) -> Price {
        Price(
            uncheckedRaw: price.raw + side.sign * distanceRaw(priceRaw: price.raw, tickRaw: instrument.tickSize.raw),
            precision: price.precision)
    }

    /// The adverse distance in raw price units for a price and tick at the same precision.
    @inline(__always)
    func distanceRaw(priceRaw: Int64, tickRaw: Int64) -> Int64 {
        switch self {
        case .none:
            return 0
        case .ticks(let n):
            return n * tickRaw
        case .basisPoints(let bps):
            let move = (Int128(priceRaw.magnitude) * Int128(bps) + 9_999) / 10_000
            let ticks = (move + Int128(tickRaw) - 1) / Int128(tickRaw)
            return Int64(clamping: ticks * Int128(tickRaw))
        }
    }
}
