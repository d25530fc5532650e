/// Why a position size cannot be computed: the input and its value.
public enum SizingError: Error, Sendable, Hashable, CustomStringConvertible {
    case nonPositiveEquity(String)
    case nonPositivePrice(String)
    case invalidParameter(name: String, value: String, rule: String)
    case currencyMismatch(equity: String, quote: String)

    public var description: String {
        switch self {
        case .nonPositiveEquity(let e): "equity \(e) must be positive to size a position"
        case .nonPositivePrice(let p): "price \(p) must be positive to size a position"
        case .invalidParameter(let name, let value, let rule): "sizing parameter \(name) = \(value): \(rule)"
        case .currencyMismatch(let equity, let quote): "equity is in \(equity) but the instrument is quoted in \(quote)"
        }
    }
}
