/// Why an aggregation cannot be set up or fed.
public enum AggregationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The target spec cannot be built from the input (e.g. 7-minute bars from 5-minute bars).
    case incompatible(String)
    /// An input arrived out of time order.
    case outOfOrder(String)

    public var description: String {
        switch self {
        case .incompatible(let reason), .outOfOrder(let reason): reason
        }
    }
}
