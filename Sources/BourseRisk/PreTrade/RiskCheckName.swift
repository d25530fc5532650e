/// The name of a pre-trade check, carried by every denial and adjustment so that a
/// trader (and the journal) can tell which limit acted.
///
/// The cases are listed in the fixed order the ``RiskEngine`` evaluates them.
public enum RiskCheckName: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// The order itself: unknown instrument, precision beyond the instrument's.
    case orderValidity = "order-validity"
    /// The kernel's kill switch is triggered: only orders that reduce a position pass
    /// (decided by the kernel before the risk engine).
    case killSwitch = "kill-switch"
    case restrictedList = "restricted-list"
    case tradingSession = "trading-session"
    case reduceOnly = "reduce-only"
    case orderRate = "order-rate"
    case messageRate = "message-rate"
    case priceBand = "price-band"
    case maxOrderQuantity = "max-order-quantity"
    case maxOrderNotional = "max-order-notional"
    case maxPositionQuantity = "max-position-quantity"
    case maxPositionNotional = "max-position-notional"
    case maxOpenPositions = "max-open-positions"
    case grossExposure = "gross-exposure"
    case netExposure = "net-exposure"
    case concentration = "concentration"
    case correlation = "correlation"
    case dailyLoss = "daily-loss"
    case drawdown = "drawdown"
    case buyingPower = "buying-power"

    public var description: String { rawValue }
}
