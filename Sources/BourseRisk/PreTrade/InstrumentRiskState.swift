public import BourseCore

/// What the risk engine knows about one instrument: its definition, the open position,
/// the last (or mid) price, the open orders' quantities, and the position's value at that price.
public struct InstrumentRiskState: Sendable {
    public let instrument: Instrument
    /// The tags concentration limits group by: the instrument's tags and `asset-class:<class>`.
    public let riskTags: [String]
    /// Open position in raw units at the size precision: positive long, negative short.
    public internal(set) var signedQuantityRaw: Int64 = 0
    /// Last trade or mid price, at the price precision.
    public internal(set) var lastPrice: Price?
    /// Signed value of the position at ``lastPrice`` (raw units of the quote currency); zero when flat or unpriced.
    public internal(set) var markValueRaw: Int64 = 0
    /// Quantity still to fill of the open buy orders (raw, size precision).
    public internal(set) var openBuyQuantityRaw: Int64 = 0
    /// Quantity still to fill of the open sell orders (raw, size precision).
    public internal(set) var openSellQuantityRaw: Int64 = 0

    init(instrument: Instrument) {
        self.instrument = instrument
        riskTags = instrument.tags + ["asset-class:\(instrument.assetClass.rawValue)"]
    }

    /// The open position as a signed ``Quantity``-like text for messages.
    var positionText: String {
        let q = Quantity(uncheckedRaw: Int64(signedQuantityRaw.magnitude), precision: instrument.sizePrecision)
        return signedQuantityRaw < 0 ? "-\(q)" : "\(q)"
    }

    /// Whether the position is open but has no price to value it.
    var isUnpriced: Bool { signedQuantityRaw != 0 && lastPrice == nil }

    /// `|price × quantity × multiplier|` in raw quote-currency units, `nil` on overflow.
    func notionalRaw(quantityRaw: Int64, price: Price) -> Int64? {
        let q = Quantity(uncheckedRaw: Int64(quantityRaw.magnitude), precision: instrument.sizePrecision)
        return try? instrument.notional(quantity: q, price: price).raw.magnitudeClamped
    }
}

extension Int64 {
    /// The magnitude, clamped to `Int64.max` for `Int64.min`.
    var magnitudeClamped: Int64 { self == .min ? .max : Swift.abs(self) }
}
