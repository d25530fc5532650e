public import BourseCore

/// A trading strategy: a value that reacts to market data and order/position events through
/// its ``StrategyContext``. The same value runs in a backtest and (later) live.
///
/// The kernel is generic over the strategy type, so the per-bar callbacks are direct,
/// specialized calls (no existential dispatch). Every callback has an empty default; a
/// strategy implements the ones it needs. Order commands issued in a callback are queued
/// and passed to risk → order manager → venue as soon as the callback returns, in order.
///
/// ```swift
/// struct BuyAndHold: Strategy {
///     static let name = "buy-and-hold"
///     static let summary = "Buys with all available cash on the first bar and holds."
///     static let parameters: [ParameterSpec] = []
///     init(parameters: ParameterValues) {}
///     mutating func onStart(_ context: StrategyContext) throws {
///         for barType in context.availableBarTypes { context.subscribe(bars: barType) }
///     }
///     mutating func onBar(_ bar: Bar, _ context: StrategyContext) throws {
///         if context.position(bar.instrumentID)?.isFlat ?? true { try context.submitMarket(bar.instrumentID, .buy, sizing: .allAvailableFunds) }
///     }
/// }
/// ```
public protocol Strategy {
    /// The catalog name (`sma-cross`), used by the CLI.
    static var name: String { get }
    /// One line describing the rules.
    static var summary: String { get }
    /// Declared parameters (name, type, default, range).
    static var parameters: [ParameterSpec] { get }

    /// A strategy with the given (already checked) parameter values; throws for invalid
    /// combinations (e.g. fast ≥ slow).
    init(parameters: ParameterValues) throws(ParameterError)

    /// Called once before the first event: subscribe to data, register indicators, set timers.
    mutating func onStart(_ context: StrategyContext) throws
    /// A bar of a subscribed bar type closed (indicators registered on it are already updated).
    mutating func onBar(_ bar: Bar, _ context: StrategyContext) throws
    /// A quote of a subscribed instrument.
    mutating func onQuote(_ quote: QuoteTick, _ context: StrategyContext) throws
    /// A trade print of a subscribed instrument.
    mutating func onTrade(_ trade: TradeTick, _ context: StrategyContext) throws
    /// An event of one of this strategy's orders.
    mutating func onOrderEvent(_ event: OrderEvent, _ context: StrategyContext) throws
    /// A position of this strategy opened, changed or closed.
    mutating func onPositionEvent(_ event: PositionEvent, _ context: StrategyContext) throws
    /// A timer or time alert set through the context came due.
    mutating func onTimer(_ event: TimeEvent, _ context: StrategyContext) throws
    /// Called once after the last event.
    mutating func onStop(_ context: StrategyContext) throws
}

extension Strategy {
    public mutating func onStart(_ context: StrategyContext) throws {}
    public mutating func onBar(_ bar: Bar, _ context: StrategyContext) throws {}
    public mutating func onQuote(_ quote: QuoteTick, _ context: StrategyContext) throws {}
    public mutating func onTrade(_ trade: TradeTick, _ context: StrategyContext) throws {}
    public mutating func onOrderEvent(_ event: OrderEvent, _ context: StrategyContext) throws {}
    public mutating func onPositionEvent(_ event: PositionEvent, _ context: StrategyContext) throws {}
    public mutating func onTimer(_ event: TimeEvent, _ context: StrategyContext) throws {}
    public mutating func onStop(_ context: StrategyContext) throws {}
}
