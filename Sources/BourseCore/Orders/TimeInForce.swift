/// How long an order stays working.
public enum TimeInForce: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Until the end of the trading day.
    case day
    /// Good till canceled.
    case gtc
    /// Immediate or cancel: fill what is possible at once, cancel the rest.
    case ioc
    /// Fill or kill: fill the whole quantity at once or cancel everything.
    case fok
    /// Good till the given time.
    case gtd(expiry: UnixNanos)
    /// Only in the opening auction.
    case atTheOpen
    /// Only in the closing auction.
    case atTheClose

    /// The expiry of a GTD order, `nil` otherwise.
    public var expiry: UnixNanos? {
        if case .gtd(let expiry) = self { expiry } else { nil }
    }

    public var description: String {
        switch self {
        case .day: "DAY"
        case .gtc: "GTC"
        case .ioc: "IOC"
        case .fok: "FOK"
        case .gtd(let expiry): "GTD(\(expiry))"
        case .atTheOpen: "AT_THE_OPEN"
        case .atTheClose: "AT_THE_CLOSE"
        }
    }
}
