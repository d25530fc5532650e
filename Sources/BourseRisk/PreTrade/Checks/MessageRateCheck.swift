/// At most `maxCount` commands (submits, modifies and cancels) in any sliding window. Cancels
/// always pass but count.
public struct MessageRateCheck: PreTradeCheck {
    public static let name = RiskCheckName.messageRate
    public internal(set) var window: SlidingWindow

    public init(_ limit: RateLimit) { window = SlidingWindow(capacity: limit.maxCount, window: limit.window) }

    public func evaluate(_ order: PreTradeOrder, portfolio: PortfolioSnapshot) -> CheckOutcome {
        window.allows(at: order.request.ts) ? .pass : .deny(reason: window.exceededReason("messages"))
    }
}
