import BourseCore

/// Denies orders outside the session window `[opens + openingDelay, closes − closingCutoff)` or
/// on a non-trading weekday. Reduce-only orders are held to the same hours.
public struct TradingSessionCheck: PreTradeCheck {
    public static let name = RiskCheckName.tradingSession
    public let limit: TradingSessionLimit
    private let weekdayMask: UInt8

    public init(_ limit: TradingSessionLimit) {
        self.limit = limit
        weekdayMask = limit.weekdays.reduce(0) { mask, day in (1...7).contains(day) ? mask | (1 << UInt8(day)) : mask }
    }

    public func evaluate(_ order: PreTradeOrder, portfolio: PortfolioSnapshot) -> CheckOutcome {
        let day = Nanoseconds.perDay
        let local = order.request.ts.rawValue + limit.utcOffset.rawValue
        let (days, nanos) = (local.floorDivided(by: day), local.floorModulo(day))
        let weekday = Int((days + 3).floorModulo(7) + 1)  // 1970-01-01 was a Thursday (ISO 4)
        let start = limit.opens.rawValue + limit.openingDelay.rawValue
        let end = limit.closes.rawValue - limit.closingCutoff.rawValue
        if weekdayMask & (1 << UInt8(weekday)) == 0 {
            return .deny(reason: "no trading session on ISO weekday \(weekday) (sessions on \(limit.weekdays))")
        }
        if nanos < start {
            return .deny(
                reason: "order at \(Self.clock(nanos)) is before the session opens at \(Self.clock(limit.opens.rawValue)) "
                    + "plus the opening delay of \(limit.openingDelay.rawValue / Nanoseconds.perSecond) s (\(Self.clock(start)))")
        }
        if nanos >= end {
            return .deny(
                reason: "order at \(Self.clock(nanos)) is at or after the closing cutoff \(Self.clock(end)) "
                    + "(\(limit.closingCutoff.rawValue / Nanoseconds.perSecond) s before the close at \(Self.clock(limit.closes.rawValue)))")
        }
        return .pass
    }

    /// `HH:MM:SS` of a local time of day.
    private static func clock(_ nanos: Int64) -> String {
        let s = nanos / Nanoseconds.perSecond
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))"
    }
}

extension Int64 {
    /// Division rounding toward −∞.
    func floorDivided(by d: Int64) -> Int64 { let q = self / d; return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q }
    /// The remainder of ``floorDivided(by:)`` (same sign as `d`).
    func floorModulo(_ d: Int64) -> Int64 { self - floorDivided(by: d) * d }
}
