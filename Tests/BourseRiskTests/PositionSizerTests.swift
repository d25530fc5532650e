import BourseCore
import BourseRisk
import Testing

@Suite("Position sizing rounds down to the lot and rejects nonsense")
struct PositionSizerTests {
    let goog: Instrument
    let btc: Instrument
    let equity: Money

    init() throws {
        goog = try RiskFixtures.equity()
        btc = try Instrument.cryptoSpot(
            "BTCUSD.COINBASE", base: .BTC, quote: .USD, tickSize: Price(parsing: "0.01"), lotSize: Quantity(parsing: "0.001"))
        equity = try Money(parsing: "100000", .USD)
    }

    func size(_ method: SizingMethod, price: String = "150.00", _ instrument: Instrument? = nil) throws -> Quantity {
        try PositionSizer(method).quantity(equity: equity, price: Price(parsing: price), instrument: instrument ?? goog)
    }

    @Test func eachMethod() throws {
        let r = { (text: String) throws -> Rate in try Rate(parsing: text) }
        let cases: [(SizingMethod, String)] = [
            (.fixedQuantity(try Quantity(parsing: "12")), "12"),
            (.fixedFraction(try r("0.1")), "66"),  // 10,000 / 150 = 66.67
            (.fixedRisk(fraction: try r("0.01"), stopDistance: try Price(parsing: "2.50")), "400"),  // 1,000 / 2.50
            (.fixedRisk(fraction: try r("0.01"), stopDistance: try Price(parsing: "3.00")), "333"),
            (.averageTrueRange(fraction: try r("0.01"), atr: try Price(parsing: "1.23"), multiple: try r("2")), "406"),  // 1,000 / 2.46
            (.averageTrueRange(fraction: try r("0.01"), atr: try Price(parsing: "1.234"), multiple: try r("1.5")), "537"),  // stop 1.851 → 1.86: 1,000 / 1.86 = 537.6
            (.kelly(winProbability: 0.6, payoffRatio: 1, kellyFraction: 0.5, cap: try r("0.25")), "66"),  // f* 0.2 × 0.5
            (.kelly(winProbability: 0.6, payoffRatio: 1, kellyFraction: 0.5, cap: try r("0.05")), "33"),  // capped
            (.kelly(winProbability: 0.4, payoffRatio: 1, kellyFraction: 1, cap: try r("1")), "0"),  // no edge
            (.volatilityTarget(target: 0.10, volatility: 0.20, maxLeverage: try r("2")), "333"),  // 0.5 × equity
            (.volatilityTarget(target: 0.10, volatility: 0.20, maxLeverage: try r("0.25")), "166"),
        ]
        for (method, expected) in cases {
            #expect(try size(method) == (try Quantity(parsing: expected)), "\(method)")
        }
    }

    @Test func roundsDownToFractionalLots() throws {
        #expect(try size(.fixedFraction(try Rate(parsing: "0.033")), price: "40000.00", btc) == (try Quantity(parsing: "0.082")))
        #expect(try size(.fixedQuantity(try Quantity(parsing: "0.0125")), btc) == (try Quantity(parsing: "0.012")))
    }

    @Test func nonsenseInputsThrow() throws {
        let sizer = PositionSizer(.fixedFraction(try Rate(parsing: "0.1")))
        #expect(throws: SizingError.nonPositiveEquity("0.00 USD")) {
            try sizer.quantity(equity: Money.zero(.USD), price: Price(parsing: "1"), instrument: goog)
        }
        #expect(throws: SizingError.nonPositivePrice("0.00")) {
            try sizer.quantity(equity: equity, price: Price(parsing: "0.00"), instrument: goog)
        }
        #expect(throws: SizingError.currencyMismatch(equity: "EUR", quote: "USD")) {
            try sizer.quantity(equity: Money(parsing: "1", .EUR), price: Price(parsing: "1"), instrument: goog)
        }
        let bad: [SizingMethod] = [
            .fixedFraction(try Rate(parsing: "-0.1")),
            .fixedRisk(fraction: try Rate(parsing: "0.01"), stopDistance: try Price(parsing: "0")),
            .averageTrueRange(fraction: try Rate(parsing: "0.01"), atr: try Price(parsing: "-1"), multiple: try Rate(parsing: "2")),
            .kelly(winProbability: 1.5, payoffRatio: 1, kellyFraction: 0.5, cap: try Rate(parsing: "0.2")),
            .kelly(winProbability: 0.5, payoffRatio: 0, kellyFraction: 0.5, cap: try Rate(parsing: "0.2")),
            .volatilityTarget(target: 0.1, volatility: .nan, maxLeverage: try Rate(parsing: "1")),
        ]
        for method in bad {
            #expect(throws: SizingError.self, "\(method)") { try size(method) }
        }
    }
}
