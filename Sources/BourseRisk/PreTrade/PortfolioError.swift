public import BourseCore

/// Why the portfolio snapshot refused an update.
public enum PortfolioError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The instrument was never registered with ``PortfolioSnapshot/register(_:)``.
    case unknownInstrument(InstrumentID)
    /// Account figures must be in the portfolio's base currency.
    case currencyMismatch(expected: Currency, got: Currency, what: String)
    /// An exchange rate that cannot be used.
    case invalidExchangeRate(Currency, String)
    /// A price or quantity has more decimals than the instrument allows.
    case precision(InstrumentID, String)
    /// An amount does not fit in 64 bits.
    case overflow(String)

    public var description: String {
        switch self {
        case .unknownInstrument(let id): "instrument \(id) is not registered with the risk portfolio"
        case .currencyMismatch(let expected, let got, let what):
            "\(what) is in \(got.code), the risk portfolio's base currency is \(expected.code)"
        case .invalidExchangeRate(let currency, let reason): "exchange rate of \(currency.code): \(reason)"
        case .precision(let id, let reason): "\(id): \(reason)"
        case .overflow(let what): "\(what) overflows"
        }
    }
}
