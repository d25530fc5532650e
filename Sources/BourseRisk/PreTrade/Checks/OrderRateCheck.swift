import BourseCore
/// At most `maxCount` approved submits and modifies in any sliding window.
public struct OrderRateCheck: PreTradeCheck {
    public static let name = RiskCheckName.orderRate
    public internal(set) var window: SlidingWindow

    public init(_ limit: RateLimit) { window = SlidingWindow(capacity: limit.maxCount, window: limit.window) }

    public func evaluate(_ order: PreTradeOrder, portfolio: PortfolioSnapshot) -> CheckOutcome {
        window.allows(at: order.request.ts) ? .pass : .deny(reason: window.exceededReason("orders"))
    }
}

extension SlidingWindow {
    func exceededReason(_ what: String) -> String {
        "\(capacity) \(what) in the last \(window.text) reach the limit of \(capacity) per \(window.text)"
    }
}

extension Nanoseconds {
    /// `"1 s"`, `"250 ms"`, `"10 µs"` or `"7 ns"`: the largest unit that divides the duration.
    var text: String {
        for (unit, name) in [(Nanoseconds.perSecond, "s"), (Nanoseconds.perMillisecond, "ms"), (Nanoseconds.perMicrosecond, "µs")]
        where rawValue % unit == 0 {
            return "\(rawValue / unit) \(name)"
        }
        return "\(rawValue) ns"
    }
}
