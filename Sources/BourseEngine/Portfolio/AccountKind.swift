public import BourseCore

/// How the backtest account funds positions.
///
/// - ``cash``: a buy fill must be covered by the cash balance (`notional + commission`), and a
///   sell may not exceed the position held: no shorting, no borrowing.
/// - ``margin(leverage:)``: positions on either side are allowed while the margin they use,
///   `Σ |position value at mark| / leverage`, stays within the equity after the fill.
///   Leverage 1 lets a strategy sell short as much as its equity covers (backtesting.py's
///   default account). A fill that only reduces a position is always accepted.
public enum AccountKind: Sendable, Hashable, Codable, CustomStringConvertible {
    case cash
    case margin(leverage: Rate)

    public var description: String {
        switch self {
        case .cash: "cash"
        case .margin(let leverage): "margin (leverage \(leverage))"
        }
    }
}
