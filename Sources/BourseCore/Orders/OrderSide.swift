/// The side of an order or a fill: buying or selling.
public enum OrderSide: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case buy
    case sell

    /// The other side (`buy.opposite == .sell`).
    @inlinable
    public var opposite: OrderSide { self == .buy ? .sell : .buy }

    /// `+1` for a buy, `-1` for a sell: the sign a fill of this side gives a position's quantity.
    @inlinable
    public var sign: Int64 { self == .buy ? 1 : -1 }

    public var description: String { rawValue.uppercased() }
}
