import BourseCore

extension LossLimit {
    /// Why a loss limit stops risk-increasing orders.
    enum Breach {
        /// The loss reached the limit.
        case reached(String)
        /// The limit is a fraction of a reference equity that is not positive: a fraction of it
        /// limits nothing (or everything), so the limit cannot be applied.
        case unusableReference(String)

        var reason: String {
            switch self {
            case .reached(let reason), .unusableReference(let reason): reason
            }
        }
    }

    /// What stops orders under this limit when equity went from `reference` to `current`: `nil`
    /// while the loss `reference − current` is below the limit.
    ///
    /// With a fraction (alone or with an amount), a `reference` ≤ 0 is
    /// ``Breach/unusableReference(_:)``: its users deny risk-increasing orders (pre-trade checks)
    /// or trip (the kill switch) rather than compute a limit from it.
    func breach(what: String, reference: Money, referenceName: String, current: Money) -> Breach? {
        if let maxFraction, reference.raw <= 0 {
            return .unusableReference(
                "\(what) limit \(maxFraction) × \(referenceName) cannot be applied: \(referenceName) is \(reference)")
        }
        guard let limitRaw = limitRaw(reference: reference.raw) else { return nil }
        let loss = Int128(reference.raw) - Int128(current.raw)
        guard loss >= Int128(limitRaw) else { return nil }
        let money = { (raw: Int64) in Money(uncheckedRaw: raw, currency: reference.currency) }
        let parts = [maxAmount.map { "\($0)" }, maxFraction.map { "\($0) × \(referenceName)" }].compactMap { $0 }
        return .reached(
            "\(what) \(money(RiskMath.clamp(loss))) (\(referenceName) \(reference) → equity \(current)) "
                + "reaches the limit \(money(limitRaw)) (\(parts.joined(separator: ", ")))")
    }

    /// The pre-trade outcome for `order`: risk-increasing orders are denied while the limit is
    /// reached or cannot be applied; orders reducing exposure pass.
    func outcome(
        for order: PreTradeOrder, what: String, reference: Money, referenceName: String, current: Money
    ) -> CheckOutcome {
        guard order.increasesExposure,
            let breach = breach(what: what, reference: reference, referenceName: referenceName, current: current)
        else { return .pass }
        return .deny(reason: breach.reason)
    }
}
