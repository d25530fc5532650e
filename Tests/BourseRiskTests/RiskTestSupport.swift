import BourseCore
import BourseRisk
import Testing

/// Shared values for the risk tests: one USD equity book at 100.00 and 100,000 USD of equity.
enum RiskFixtures {
    static let t0 = UnixNanos(1_709_564_400_000_000_000)  // Monday 2024-03-04 15:00 UTC

    static func equity(_ id: String = "GOOG.NASDAQ", tags: [String] = ["tech"], takerFee: String? = nil) throws -> Instrument {
        try Instrument(
            id: InstrumentID(id), assetClass: .equity, quoteCurrency: .USD, tickSize: Price(parsing: "0.01"),
            lotSize: Quantity(parsing: "1"), takerFee: takerFee.map { try Rate(parsing: $0) } ?? .zero(precision: 0),
            tags: tags)
    }

    static func usd(_ text: String) throws -> Money { try Money(parsing: text, .USD) }

    /// A portfolio with `equity` and the given instruments at `price`, each with a signed position.
    static func portfolio(
        equity: String = "100000", freeCash: String? = nil, startOfDay: String? = nil, peak: String? = nil,
        _ holdings: [(Instrument, Int64, String)] = []
    ) throws -> PortfolioSnapshot {
        var p = try PortfolioSnapshot(baseCurrency: .USD, equity: usd(equity))
        try p.setAccount(
            equity: usd(equity), startOfDayEquity: usd(startOfDay ?? equity), peakEquity: usd(peak ?? equity),
            freeCash: usd(freeCash ?? equity))
        for (instrument, position, price) in holdings {
            try p.register(instrument)
            try p.updatePrice(instrument.id, Price(parsing: price))
            try p.updatePosition(instrument.id, signedQuantityRaw: position)
        }
        return p
    }

    static func submit(
        _ side: OrderSide, _ quantity: String, of id: String = "GOOG.NASDAQ", price: String? = nil,
        reduceOnly: Bool = false, orderID: String = "O-1", at ts: UnixNanos = t0
    ) throws -> RiskRequest {
        .submit(
            try OrderInitialized(
                clientOrderID: ClientOrderID(orderID), strategyID: StrategyID("S-1"), instrumentID: InstrumentID(id),
                side: side, type: price == nil ? .market : .limit, quantity: Quantity(parsing: quantity),
                price: price.map { try Price(parsing: $0) }, reduceOnly: reduceOnly, tsInit: ts))
    }

    static func decide(_ configuration: RiskConfiguration, _ request: RiskRequest, _ portfolio: PortfolioSnapshot) throws -> RiskDecision {
        var engine = try RiskEngine(configuration)
        return engine.evaluate(request, portfolio: portfolio)
    }
}

/// Expects a denial by `check` whose reason contains every one of `parts` (the limit and the values).
func expectDenied(_ decision: RiskDecision, by check: RiskCheckName, mentioning parts: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    guard let denial = decision.denial else {
        Issue.record("expected a denial by \(check), got \(decision.outcome)", sourceLocation: sourceLocation)
        return
    }
    #expect(denial.check == check, sourceLocation: sourceLocation)
    for part in parts {
        #expect(denial.reason.contains(part), "reason '\(denial.reason)' does not mention '\(part)'", sourceLocation: sourceLocation)
    }
}

/// Expects approval at `quantity` after one adjustment by `check`.
func expectModified(_ decision: RiskDecision, to quantity: String, by check: RiskCheckName, sourceLocation: SourceLocation = #_sourceLocation) throws {
    guard case .modified(let q, let adjustments) = decision.outcome else {
        Issue.record("expected a modification by \(check), got \(decision.outcome)", sourceLocation: sourceLocation)
        return
    }
    #expect(q == (try Quantity(parsing: quantity)), sourceLocation: sourceLocation)
    #expect(adjustments.map(\.check) == [check], sourceLocation: sourceLocation)
}
