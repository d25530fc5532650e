public import BourseCore
public import OrderedCollections

/// The exposures of a portfolio at its last prices: gross, net, long, short, per tag and per
/// instrument, and the Herfindahl–Hirschman concentration index of the gross weights.
public struct ExposureReport: Sendable, Hashable {
    public let gross: Money
    public let net: Money
    public let long: Money
    public let short: Money
    /// Σ |position value| per risk tag, in the portfolio's tag order.
    public let byTag: OrderedDictionary<String, Money>
    /// Signed position value per instrument with an open position, in registration order.
    public let byInstrument: OrderedDictionary<InstrumentID, Money>
    /// `Σ wᵢ²` with `wᵢ = |valueᵢ| / gross` (1 = one position, 1/n = n equal positions; 0 when flat).
    public let herfindahlIndex: Double

    public init(_ portfolio: PortfolioSnapshot) {
        let currency = portfolio.baseCurrency
        let money = { (raw: Int64) in Money(uncheckedRaw: raw, currency: currency) }
        var long: Int64 = 0
        var short: Int64 = 0
        var values: OrderedDictionary<InstrumentID, Money> = [:]
        for (id, state) in portfolio.instruments where state.signedQuantityRaw != 0 {
            if state.markValueRaw > 0 { long += state.markValueRaw } else { short += state.markValueRaw }
            values[id] = money(state.markValueRaw)
        }
        gross = money(portfolio.grossExposureRaw)
        net = money(portfolio.netExposureRaw)
        self.long = money(long)
        self.short = money(short)
        byTag = portfolio.tagExposureRaw.mapValues(money)
        byInstrument = values
        let total = Double(portfolio.grossExposureRaw)
        herfindahlIndex = total > 0 ? values.values.reduce(0) { $0 + pow2(Double($1.raw.magnitude) / total) } : 0
    }
}

private func pow2(_ x: Double) -> Double { x * x }
