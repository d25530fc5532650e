/// When an order a strategy sends after seeing a bar executes against bars.
public enum BarExecution: String, Sendable, Hashable, Codable, CaseIterable {
    /// Market orders fill at the next bar's open; resting orders are matched along the
    /// next bar's intrabar path. No look-ahead: the convention of most Python
    /// backtesters (backtesting.py, zipline-style next-bar fills).
    case nextBarOpen
    /// Market orders fill at once at the close of the bar the strategy just saw. This
    /// assumes one can trade at a price one has only just observed: look-ahead; use it
    /// knowingly (e.g. to model market-on-close orders decided before the close).
    case onClose
}

/// When a resting limit order fills against the market.
public enum LimitFillPolicy: String, Sendable, Hashable, Codable, CaseIterable {
    /// Only when the market trades through the limit price (conservative: a touch may
    /// have filled only the orders ahead in the queue).
    case onTradeThrough
    /// As soon as the market touches the limit price (assumes first in the queue).
    case onTouch
}
