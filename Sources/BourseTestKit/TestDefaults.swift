public import BourseCore

/// Default values for tests: one equity instrument and the ids around it.
/// All built through the real, checked initializers.
public enum TestDefaults {
    /// `GOOG.NASDAQ`: a USD equity, tick 0.01, lot 1, no fees.
    public static let instrument: Instrument = constant { try Instrument.equity("GOOG.NASDAQ") }
    /// `ESZ5.CME`: an E-mini S&P future, tick 0.25, multiplier 50, USD.
    public static let future: Instrument = constant {
        try Instrument(
            id: InstrumentID("ESZ5.CME"), assetClass: .future, quoteCurrency: .USD,
            tickSize: Price(parsing: "0.25"), lotSize: Quantity(parsing: "1"),
            multiplier: Quantity(parsing: "50"), expiry: UnixNanos(1_765_497_600_000_000_000))
    }
    /// `BTCUSDT.BINANCE`: crypto spot, tick 0.01, lot 0.00001, min notional 5 USDT.
    public static let crypto: Instrument = constant {
        try Instrument.cryptoSpot(
            "BTCUSDT.BINANCE", base: .BTC, quote: .USDT, tickSize: Price(parsing: "0.01"),
            lotSize: Quantity(parsing: "0.00001"), minNotional: Money(parsing: "5", .USDT))
    }
    public static let strategyID: StrategyID = constant { try StrategyID("S-001") }
    public static let accountID: AccountID = constant { try AccountID("SIM-001") }
    /// 2024-01-02T14:30:00Z.
    public static let time = UnixNanos(1_704_205_800_000_000_000)

    /// `O-<n>`.
    public static func clientOrderID(_ n: Int) -> ClientOrderID { constant { try ClientOrderID("O-\(n)") } }
    /// `V-<n>`.
    public static func venueOrderID(_ n: Int) -> VenueOrderID { constant { try VenueOrderID("V-\(n)") } }
    /// `T-<n>`.
    public static func tradeID(_ n: Int) -> TradeID { constant { try TradeID("T-\(n)") } }
}

/// Evaluates a test constant built from literals; a failure is a bug in the test kit itself.
func constant<T>(_ make: () throws -> T) -> T {
    do { return try make() } catch { fatalError("BourseTestKit: invalid built-in test value: \(error)") }
}
