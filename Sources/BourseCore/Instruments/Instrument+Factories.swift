extension Instrument {
    /// A cash equity with a one-cent tick and whole-share lots, no fees by default.
    public static func equity(
        _ id: String, currency: Currency = .USD, tags: [String] = []
    ) throws -> Instrument {
        try Instrument(
            id: InstrumentID(id), assetClass: .equity, quoteCurrency: currency,
            tickSize: Price(raw: 1, precision: 2), lotSize: Quantity(raw: 1, precision: 0), tags: tags)
    }

    /// An FX spot pair such as `EUR/USD` (`"EURUSD.SIM"`, base EUR, quote USD).
    public static func fxSpot(
        _ id: String, base: Currency, quote: Currency, pricePrecision: UInt8 = 5
    ) throws -> Instrument {
        try Instrument(
            id: InstrumentID(id), assetClass: .fxSpot, baseCurrency: base, quoteCurrency: quote,
            tickSize: Price(raw: 1, precision: pricePrecision), lotSize: Quantity(raw: 1, precision: 0))
    }

    /// A crypto spot pair such as `BTCUSDT.BINANCE`.
    public static func cryptoSpot(
        _ id: String, base: Currency, quote: Currency, tickSize: Price, lotSize: Quantity, minNotional: Money? = nil
    ) throws -> Instrument {
        try Instrument(
            id: InstrumentID(id), assetClass: .cryptoSpot, baseCurrency: base, quoteCurrency: quote,
            tickSize: tickSize, lotSize: lotSize, minNotional: minNotional)
    }
}
