import BourseCore

/// Once the loss since the start of the day (start-of-day equity − equity, realized + unrealized)
/// reaches the limit, orders adding exposure are denied; orders reducing it pass.
public struct DailyLossCheck: PreTradeCheck {
    public static let name = RiskCheckName.dailyLoss
    public let limit: LossLimit

    public init(_ limit: LossLimit) { self.limit = limit }

    public func evaluate(_ order: PreTradeOrder, portfolio: PortfolioSnapshot) -> CheckOutcome {
        guard order.increasesExposure,
            let reason = limit.breach(
                what: "daily loss", reference: portfolio.startOfDayEquity, referenceName: "start-of-day equity",
                current: portfolio.equity)
        else { return .pass }
        return .deny(reason: reason)
    }
}

extension LossLimit {
    /// The reason the loss `reference − current` reaches this limit, `nil` while below it.
    func breach(what: String, reference: Money, referenceName: String, current: Money) -> String? {
        guard let limitRaw = limitRaw(reference: reference.raw) else { return nil }
        let loss = Int128(reference.raw) - Int128(current.raw)
        guard loss >= Int128(limitRaw) else { return nil }
        let money = { (raw: Int64) in Money(uncheckedRaw: raw, currency: reference.currency) }
        let parts = [maxAmount.map { "\($0)" }, maxFraction.map { "\($0) × \(referenceName)" }].compactMap { $0 }
        return "\(what) \(money(RiskMath.clamp(loss))) (\(referenceName) \(reference) → equity \(current)) "
            + "reaches the limit \(money(limitRaw)) (\(parts.joined(separator: ", ")))"
    }
}
