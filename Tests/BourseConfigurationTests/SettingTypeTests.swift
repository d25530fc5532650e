import BourseConfiguration
import BourseCore
import Testing

@Suite struct SettingTypeTests {
    @Test(arguments: [("true", true), ("false", false)])
    func boolParses(text: String, value: Bool) throws {
        #expect(try SettingType.bool.parse(text) == value)
        #expect(SettingType.bool.format(value) == text)
    }

    @Test(arguments: ["yes", "TRUE", "1", ""])
    func boolRejects(text: String) {
        #expect(throws: SettingValueError("expected true or false")) { try SettingType.bool.parse(text) }
    }

    @Test func integerChecksItsRange() throws {
        let type = SettingType.integer(in: 1...10)
        #expect(try type.parse("10") == 10)
        for text in ["0", "11", "1.5", "ten", "", " 3"] {
            #expect(throws: SettingValueError("expected an integer in 1...10")) { try type.parse(text) }
        }
    }

    @Test func choiceListsTheCases() throws {
        #expect(try SettingType<LogLevel>.choice().parse("critical") == .critical)
        #expect(SettingType<LogLevel>.choice().name == "one of trace, debug, info, notice, warning, error, critical")
        #expect(throws: SettingValueError.self) { try SettingType<LogLevel>.choice().parse("Info") }
    }

    @Test func moneyIsExactAndRoundTrips() throws {
        let money = try SettingType.money.parse("0.00000001 BTC")
        #expect(money == Money(uncheckedRaw: 1, currency: .BTC))
        #expect(SettingType.money.format(money) == "0.00000001 BTC")
        #expect(try SettingType.money.parse("  250   EUR ") == Money(uncheckedRaw: 25_000, currency: .EUR))
    }

    @Test(arguments: [
        ("100000", "expected an amount and a currency, such as 100000.00 USD"),
        ("100 USD extra", "expected an amount and a currency, such as 100000.00 USD"),
        ("1e5 USD", "not an amount of USD: '1e5' is not a decimal number"),
        ("100 usd", "unknown currency code 'usd'"),
    ])
    func moneyRejects(text: String, reasonStart: String) {
        do {
            _ = try SettingType.money.parse(text)
            Issue.record("'\(text)' parsed")
        } catch {
            #expect(error.reason.hasPrefix(reasonStart), "\(error.reason)")
        }
    }

    @Test func textAndPathRejectEmpty() {
        #expect(throws: SettingValueError.self) { try SettingType.text.parse("") }
        #expect(throws: SettingValueError.self) { try SettingType.path.parse("") }
        #expect(throws: SettingValueError.self) { try SettingType.path.parse("a\u{0}b") }
    }
}
