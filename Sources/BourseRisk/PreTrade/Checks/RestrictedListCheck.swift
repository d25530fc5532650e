public import BourseCore

/// Denies any order adding exposure to a restricted instrument; orders that only reduce the position pass.
public struct RestrictedListCheck: PreTradeCheck {
    public static let name = RiskCheckName.restrictedList
    public let restricted: Set<InstrumentID>

    public init(_ restricted: some Sequence<InstrumentID>) { self.restricted = Set(restricted) }

    public func evaluate(_ order: PreTradeOrder, portfolio: PortfolioSnapshot) -> CheckOutcome {
        guard order.limits.isRestricted, order.increasesExposure else { return .pass }
        return .deny(
            reason: "\(order.request.instrumentID) is on the restricted list: only orders reducing the position "
                + "(\(order.state.positionText)) are allowed, got \(order.request.side) \(order.quantity)")
    }
}
