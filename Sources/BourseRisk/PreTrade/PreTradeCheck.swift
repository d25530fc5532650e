/// One pre-trade limit: a small value that looks at an order and the portfolio and passes,
/// reduces or denies it. Checks are pure: state they need (throttle windows, return
/// histories) is updated by the ``RiskEngine`` outside ``evaluate(_:portfolio:)``.
///
/// The engine stores each check as a concrete value and calls them in the fixed order of
/// ``RiskCheckName`` (no existential dispatch on the hot path).
public protocol PreTradeCheck: Sendable {
    /// The name carried by denials and adjustments.
    static var name: RiskCheckName { get }

    /// The check's verdict on `order` (only called for submits and modifies).
    ///
    /// - Complexity: O(1) unless the check documents otherwise; no allocation when it passes.
    func evaluate(_ order: PreTradeOrder, portfolio: PortfolioSnapshot) -> CheckOutcome
}
