public import BourseCore

/// The usual fill model: a fixed ``Slippage`` on executions that take liquidity, and
/// optionally a cap on participation: at most `participation × volume` of each bar
/// (or trade) fills, rounded down to the lot size; the rest stays working and fills
/// on later bars (a partial fill).
///
/// ```swift
/// let model = StandardFillModel(slippage: .ticks(1), participation: try Rate(parsing: "0.1"))
/// ```
public struct StandardFillModel: FillModel, Sendable, Hashable {
    public let slippage: Slippage
    /// The fraction of each bar's volume the simulation may take; `nil` for no limit.
    public let participation: Rate?

    public init(slippage: Slippage = .none, participation: Rate? = nil) {
        self.slippage = slippage
        self.participation = participation
    }

    public func fill(_ p: FillParameters) -> FillDecision {
        var quantity = p.quantity
        if participation != nil, let remaining = p.remainingVolume, remaining < quantity {
            quantity = remaining
        }
        let price = p.liquiditySide == .taker ? slippage.applied(to: p.price, side: p.side, instrument: p.instrument) : p.price
        return FillDecision(price: price, quantity: quantity)
    }

    /// The volume this model grants in a bar (or trade) of `volume`, on `instrument`'s lot grid; `nil` when unlimited.
    public func grantedVolume(of volume: Quantity, instrument: Instrument) -> Quantity? {
        guard let participation else { return nil }
        let lot = instrument.lotSize
        guard let volumeRaw = try? FixedPoint.rescale(volume.raw, from: volume.precision, to: lot.precision, rule: .down)
        else { return nil }
        let granted = Int128(volumeRaw) * Int128(participation.raw) / Int128(FixedPoint.scale(participation.precision))
        let lots = granted / Int128(lot.raw) * Int128(lot.raw)
        return Quantity(uncheckedRaw: Int64(clamping: max(0, lots)), precision: lot.precision)
    }
}
