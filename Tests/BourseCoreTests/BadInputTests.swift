import BourseCore
import Testing

/// Bad input gets a specific typed error, never a crash.
@Suite struct BadInputTests {
    @Test(arguments: [
        ("1e-3", "exponent notation is not accepted; write the number in full"),
        ("", "empty"),
        ("1.2.3", "more than one decimal point"),
        ("abc", "unexpected character 'a'"),
        (" 1", "unexpected character ' '"),
        ("1 ", "unexpected character ' '"),
        ("-", "no digits"),
        (".", "no digits"),
        ("1,000", "unexpected character ','"),
        ("NaN", "unexpected character 'N'"),
    ])
    func malformedDecimals(text: String, reason: String) {
        #expect(throws: FixedPointError.malformed(text: text, reason: reason)) { try Price(parsing: text) }
    }

    @Test func precisionOverflow() {
        #expect(throws: FixedPointError.excessPrecision(text: "0.0000000001", precision: 9)) {
            try Price(parsing: "0.0000000001")
        }
        #expect(throws: FixedPointError.excessPrecision(text: "1.005", precision: 2)) {
            try Price(parsing: "1.005", precision: 2)
        }
        #expect(throws: FixedPointError.precisionOutOfRange(10)) { try Price(raw: 1, precision: 10) }
        #expect(throws: FixedPointError.overflow(operation: "parsing '99999999999999999999'")) {
            try Price(parsing: "99999999999999999999")
        }
        #expect(throws: FixedPointError.precisionMismatch(2, 3)) {
            try Price(uncheckedRaw: 1, precision: 2) + Price(uncheckedRaw: 1, precision: 3)
        }
        #expect(throws: FixedPointError.excessPrecision(text: "1.001", precision: 2)) {
            try Money(parsing: "1.001", .USD)
        }
    }

    @Test func negativeQuantities() {
        #expect(throws: FixedPointError.negative("-1")) { try Quantity(parsing: "-1") }
        #expect(throws: FixedPointError.negative("-5")) { try Quantity(raw: -5, precision: 0) }
        #expect(throws: FixedPointError.negative("1 - 2")) {
            try Quantity(parsing: "1") - Quantity(parsing: "2")
        }
    }

    @Test(arguments: ["XYZ", "usd", "", "EURO"])
    func unknownCurrencies(code: String) {
        #expect(throws: CurrencyError.unknown(code)) { try Currency.named(code) }
    }

    @Test func invalidCurrencyDefinitions() {
        #expect(throws: CurrencyError.invalidCode("us")) { try Currency(code: "us", precision: 2, kind: .fiat) }
        #expect(throws: CurrencyError.invalidPrecision("ABC", 12)) { try Currency(code: "ABC", precision: 12, kind: .fiat) }
    }

    @Test func invalidIdentifiers() {
        let long = String(repeating: "x", count: 65)
        #expect(throws: IdentifierError.empty(kind: "client order id")) { try ClientOrderID("") }
        #expect(throws: IdentifierError.whitespace(kind: "client order id", value: "O 1")) { try ClientOrderID("O 1") }
        #expect(throws: IdentifierError.whitespace(kind: "trade id", value: " T1")) { try TradeID(" T1") }
        #expect(throws: IdentifierError.tooLong(kind: "strategy id", value: long, maxLength: 64)) { try StrategyID(long) }
        #expect(throws: IdentifierError.invalidCharacter(kind: "venue", value: "NASDÄQ")) { try Venue("NASDÄQ") }
        #expect(throws: IdentifierError.malformed(kind: "instrument id", value: "GOOG", reason: "expected SYMBOL.VENUE, e.g. GOOG.NASDAQ")) {
            try InstrumentID("GOOG")
        }
        #expect(throws: IdentifierError.empty(kind: "venue")) { try InstrumentID("GOOG.") }
    }

    @Test func nonFiniteDoubles() {
        #expect(throws: FixedPointError.notFinite) { try Price(Double.nan, precision: 2) }
        #expect(throws: FixedPointError.notFinite) { try Price(Double.infinity, precision: 2) }
    }
}
