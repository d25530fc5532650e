/// How an order executes. One ``Order`` value carries every type; the type decides
/// which of its optional prices must be present (see ``Order``).
public enum OrderType: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Executes immediately at the best available price.
    case market
    /// Executes at `price` or better.
    case limit
    /// Becomes a market order when the market trades through `triggerPrice`.
    case stopMarket
    /// Becomes a limit order at `price` when the market trades through `triggerPrice`.
    case stopLimit
    /// Becomes a market order when the market touches `triggerPrice` from the favourable side.
    case marketIfTouched
    /// Becomes a limit order at `price` when the market touches `triggerPrice`.
    case limitIfTouched
    /// A stop-market whose trigger follows the market at `trailingOffset`.
    case trailingStopMarket
    /// A stop-limit whose trigger follows the market at `trailingOffset`, with the limit `limitOffset` away.
    case trailingStopLimit

    /// Whether the order carries a limit price (`price`) that must be given up front.
    public var requiresPrice: Bool {
        switch self {
        case .limit, .stopLimit, .limitIfTouched: true
        case .market, .stopMarket, .marketIfTouched, .trailingStopMarket, .trailingStopLimit: false
        }
    }

    /// Whether the order may carry a limit price at all (trailing stop-limits may set
    /// theirs up front or let the trailing logic compute it).
    public var allowsPrice: Bool { requiresPrice || self == .trailingStopLimit }

    /// Whether the order needs a trigger price up front.
    public var requiresTriggerPrice: Bool {
        switch self {
        case .stopMarket, .stopLimit, .marketIfTouched, .limitIfTouched: true
        case .market, .limit, .trailingStopMarket, .trailingStopLimit: false
        }
    }

    /// Whether the order may carry a trigger price (trailing stops may start from one).
    public var allowsTriggerPrice: Bool { requiresTriggerPrice || isTrailing }

    /// Whether the order trails the market (needs `trailingOffset`).
    public var isTrailing: Bool { self == .trailingStopMarket || self == .trailingStopLimit }

    /// Whether the order rests as a limit order once live (post-only is allowed).
    public var isLimitStyle: Bool { allowsPrice }

    /// Whether the order has a trigger, so it can be triggered.
    public var hasTrigger: Bool { allowsTriggerPrice }

    public var description: String {
        switch self {
        case .market: "MARKET"
        case .limit: "LIMIT"
        case .stopMarket: "STOP_MARKET"
        case .stopLimit: "STOP_LIMIT"
        case .marketIfTouched: "MARKET_IF_TOUCHED"
        case .limitIfTouched: "LIMIT_IF_TOUCHED"
        case .trailingStopMarket: "TRAILING_STOP_MARKET"
        case .trailingStopLimit: "TRAILING_STOP_LIMIT"
        }
    }
}
