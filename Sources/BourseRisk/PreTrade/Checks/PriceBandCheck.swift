import BourseCore

/// The fat-finger guard: a limit price within `maxFraction` and/or `maxTicks` of the last/mid price.
/// Orders without a limit price pass; a limit order on an instrument with no price is denied.
public struct PriceBandCheck: PreTradeCheck {
    public static let name = RiskCheckName.priceBand
    public let limit: PriceBandLimit

    public init(_ limit: PriceBandLimit) { self.limit = limit }

    public func evaluate(_ order: PreTradeOrder, portfolio: PortfolioSnapshot) -> CheckOutcome {
        guard let price = order.limitPrice else { return .pass }
        guard let last = order.state.lastPrice else {
            return .deny(reason: "no last/mid price for \(order.request.instrumentID) to check the limit price \(price) against")
        }
        let deviation = Int128(price.raw) - Int128(last.raw)
        let magnitude = deviation.magnitude
        if let fraction = limit.maxFraction {
            // |price − last| / |last| ≤ fraction  ⇔  |Δ| × 10^p ≤ fraction.raw × |last|
            if magnitude * UInt128(FixedPoint.scale(fraction.precision)) > UInt128(fraction.raw.magnitude) * UInt128(last.raw.magnitude) {
                return .deny(reason: "limit price \(price) is \(Self.ticks(deviation, order)) from the last price \(last), more than the band of \(fraction) (fraction)")
            }
        }
        if let ticks = limit.maxTicks {
            if magnitude > UInt128(ticks.magnitude) * UInt128(order.state.profile.instrument.tickSize.raw.magnitude) {
                return .deny(reason: "limit price \(price) is \(Self.ticks(deviation, order)) from the last price \(last), more than the band of \(ticks) ticks")
            }
        }
        return .pass
    }

    private static func ticks(_ deviation: Int128, _ order: PreTradeOrder) -> String {
        "\(deviation / Int128(order.instrument.tickSize.raw)) ticks"
    }
}
