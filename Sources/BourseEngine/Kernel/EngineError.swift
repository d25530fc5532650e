/// Why a backtest could not be set up or had to stop.
public enum EngineError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The configuration is inconsistent (unknown instrument, bad range, …).
    case configuration(String)
    /// Data could not be loaded or is out of order.
    case data(String)
    /// A fill could not be booked (overflow, precision mismatch): the run stops.
    case accounting(String)
    /// An order event was refused by the order state machine: the run stops.
    case orderState(String)
    /// A strategy callback threw.
    case strategy(String)
    /// The journal could not be written: the run stops before another command is sent.
    case journal(String)

    public var description: String {
        switch self {
        case .configuration(let m): "configuration error: \(m)"
        case .data(let m): "data error: \(m)"
        case .accounting(let m): "accounting error: \(m)"
        case .orderState(let m): "order state error: \(m)"
        case .strategy(let m): "strategy error: \(m)"
        case .journal(let m): "journal error: \(m)"
        }
    }
}
