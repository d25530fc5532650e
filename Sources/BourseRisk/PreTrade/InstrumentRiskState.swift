public import BourseCore

/// What the risk engine knows about one instrument: its definition, the open position,
/// the last (or mid) price, the open orders' quantities, and the position's value at that price.
public struct InstrumentRiskState: Sendable {
    /// The instrument's definition and risk tags (shared, never copied).
    let profile: InstrumentRiskProfile
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
    /// From the quote currency to the portfolio's base currency; `nil` while no rate is known.
    var conversion: CurrencyConversion?

    init(instrument: Instrument, riskTags: [String], tagSlots: [Int]) {
        profile = InstrumentRiskProfile(instrument: instrument, riskTags: riskTags, tagSlots: tagSlots)
    }

    public var instrument: Instrument { profile.instrument }
    /// The tags concentration limits group by: the instrument's tags and `asset-class:<class>`.
    public var riskTags: [String] { profile.riskTags }
    /// The position of each of ``riskTags`` in the portfolio's ``PortfolioSnapshot/tagExposureRaw``.
    var tagSlots: [Int] { profile.tagSlots }

    /// A flat state outside any portfolio, valued in the instrument's own quote currency (for sizing).
    init(instrument: Instrument) {
        self.init(instrument: instrument, riskTags: [], tagSlots: [])
        conversion = .identity
    }

    /// The tags concentration limits group an instrument by: its tags and `asset-class:<class>`.
    static func riskTags(of instrument: Instrument) -> [String] {
        instrument.tags + ["asset-class:\(instrument.assetClass.rawValue)"]
    }

    /// The open position as a signed ``Quantity``-like text for messages.
    var positionText: String {
        let q = Quantity(uncheckedRaw: Int64(signedQuantityRaw.magnitude), precision: instrument.sizePrecision)
        return signedQuantityRaw < 0 ? "-\(q)" : "\(q)"
    }

    /// Whether the position is open but has no price, or no rate to the base currency, to value it.
    var isUnpriced: Bool { signedQuantityRaw != 0 && (lastPrice == nil || conversion == nil) }

    /// `|price × quantity × multiplier|` in raw quote-currency units (rounded half-even), `nil` on overflow.
    ///
    /// - Complexity: O(1), 64-bit arithmetic unless the product overflows 64 bits.
    @inline(__always)
    func notionalRaw(quantityRaw: Int64, price: Price) -> Int64? {
        profile.scale.notional(priceRaw: price.raw.magnitudeClamped, quantityRaw: quantityRaw.magnitudeClamped)
    }

    /// ``notionalRaw(quantityRaw:price:)`` in raw units of the portfolio's base currency; `nil` on
    /// overflow or while no rate is known.
    @inline(__always)
    func valueRaw(quantityRaw: Int64, price: Price) -> Int64? {
        guard let conversion, let notional = notionalRaw(quantityRaw: quantityRaw, price: price) else { return nil }
        return conversion.convert(notional)
    }
}

extension Int64 {
    /// The magnitude, clamped to `Int64.max` for `Int64.min`.
    var magnitudeClamped: Int64 { self == .min ? .max : Swift.abs(self) }
}
