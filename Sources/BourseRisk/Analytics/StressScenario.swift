public import BourseCore
public import OrderedCollections

/// A stress scenario: price changes by instrument, else by tag (sector, `asset-class:equity`…),
/// applied to the portfolio's positions at their last prices. An instrument shock wins over tag
/// shocks; among tags the first listed that the instrument carries applies; others are unchanged.
///
/// Historical replay: ``historical(name:returns:)`` turns one day's (or period's) returns per
/// instrument into a scenario, e.g. the worst days found by ``ReturnRisk/worstPeriods(length:count:)``.
public struct StressScenario: Sendable, Hashable, Codable {
    public var name: String
    public var instrumentShocks: [InstrumentShock]
    public var tagShocks: [TagShock]

    public init(name: String, instrumentShocks: [InstrumentShock] = [], tagShocks: [TagShock] = []) {
        self.name = name
        self.instrumentShocks = instrumentShocks
        self.tagShocks = tagShocks
    }

    /// A scenario replaying simple returns per instrument (rounded half-even to 9 decimals).
    public static func historical(name: String, returns: [(InstrumentID, Double)]) throws(RiskAnalyticsError) -> StressScenario {
        var shocks: [InstrumentShock] = []
        for (index, (id, value)) in returns.enumerated() {
            guard value.isFinite, let change = try? Rate(value, precision: 9) else { throw .nonFiniteValue(index: index) }
            shocks.append(InstrumentShock(instrumentID: id, change: change))
        }
        return StressScenario(name: name, instrumentShocks: shocks)
    }

    /// The P&L of the scenario, exact: each position's value × its shock, rounded half-even to the currency.
    public func apply(to portfolio: PortfolioSnapshot) throws(RiskAnalyticsError) -> StressResult {
        var perInstrument: OrderedDictionary<InstrumentID, Money> = [:]
        var total: Int64 = 0
        for (id, state) in portfolio.instruments where state.signedQuantityRaw != 0 {
            guard state.lastPrice != nil else { throw .invalidParameter("\(id) has an open position but no price") }
            let shock = instrumentShocks.last(where: { $0.instrumentID == id })?.change
                ?? tagShocks.first(where: { state.riskTags.contains($0.tag) })?.change
            guard let shock else { continue }
            let value = Money(uncheckedRaw: state.markValueRaw, currency: portfolio.baseCurrency)
            guard let pnl = try? shock.applied(to: value), case (let sum, false) = total.addingReportingOverflow(pnl.raw) else {
                throw .invalidParameter("the stress P&L of \(id) overflows")
            }
            total = sum
            perInstrument[id] = pnl
        }
        return StressResult(scenario: name, pnl: Money(uncheckedRaw: total, currency: portfolio.baseCurrency), perInstrument: perInstrument)
    }
}

/// A price change of one instrument (`-0.2` = −20 %).
public struct InstrumentShock: Sendable, Hashable, Codable {
    public var instrumentID: InstrumentID
    public var change: Rate

    public init(instrumentID: InstrumentID, change: Rate) {
        self.instrumentID = instrumentID
        self.change = change
    }
}

/// A price change of every instrument carrying `tag`.
public struct TagShock: Sendable, Hashable, Codable {
    public var tag: String
    public var change: Rate

    public init(tag: String, change: Rate) {
        self.tag = tag
        self.change = change
    }
}

/// The outcome of a ``StressScenario``.
public struct StressResult: Sendable, Hashable {
    public let scenario: String
    public let pnl: Money
    public let perInstrument: OrderedDictionary<InstrumentID, Money>
}
