public import BourseCore

extension SettingType where Value == String {
    /// Any non-empty text.
    public static var text: SettingType<String> {
        SettingType(name: "a non-empty text") { text throws(SettingValueError) in
            guard !text.isEmpty else { throw SettingValueError("expected a non-empty text") }
            return text
        } format: {
            $0
        }
    }

    /// A file-system path, absolute or relative to the working directory.
    public static var path: SettingType<String> {
        SettingType(name: "a path") { text throws(SettingValueError) in
            guard !text.isEmpty else { throw SettingValueError("expected a path, found an empty text") }
            guard !text.utf8.contains(0) else { throw SettingValueError("a path cannot contain a NUL character") }
            return text
        } format: {
            $0
        }
    }
}

extension SettingType where Value == Bool {
    /// `true` or `false`.
    public static var bool: SettingType<Bool> {
        SettingType(name: "true or false") { text throws(SettingValueError) in
            switch text {
            case "true": return true
            case "false": return false
            default: throw SettingValueError("expected true or false")
            }
        } format: {
            $0 ? "true" : "false"
        }
    }
}

extension SettingType where Value == Int {
    /// A decimal integer within `range`.
    public static func integer(in range: ClosedRange<Int>) -> SettingType<Int> {
        let name = "an integer in \(range.lowerBound)...\(range.upperBound)"
        return SettingType(name: name) { text throws(SettingValueError) in
            guard let value = Int(text), range.contains(value) else {
                throw SettingValueError("expected \(name)")
            }
            return value
        } format: {
            String($0)
        }
    }
}

extension SettingType where Value: CaseIterable & RawRepresentable<String> {
    /// One of the cases of `Value`, written as its raw value.
    public static func choice(_: Value.Type = Value.self) -> SettingType<Value> {
        let names = Value.allCases.map(\.rawValue).joined(separator: ", ")
        return SettingType(name: "one of \(names)") { text throws(SettingValueError) in
            guard let value = Value(rawValue: text) else {
                throw SettingValueError("expected one of \(names)")
            }
            return value
        } format: {
            $0.rawValue
        }
    }
}

extension SettingType where Value == Currency {
    /// A predefined currency code such as `USD` or `BTC`.
    public static var currency: SettingType<Currency> {
        SettingType(name: "a currency code such as USD") { text throws(SettingValueError) in
            do throws(CurrencyError) {
                return try Currency.named(text)
            } catch {
                throw SettingValueError(error.description)
            }
        } format: {
            $0.code
        }
    }
}

extension SettingType where Value == Money {
    /// An exact amount and a currency code: `100000 USD`, `0.5 BTC`.
    ///
    /// The amount is parsed as a decimal, never through `Double`; it may not carry more
    /// decimals than the currency has.
    public static var money: SettingType<Money> {
        SettingType(name: "an amount and a currency, such as 100000.00 USD") { text throws(SettingValueError) in
            let parts = text.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2 else {
                throw SettingValueError("expected an amount and a currency, such as 100000.00 USD")
            }
            let currency = try SettingType<Currency>.currency.parse(String(parts[1]))
            do throws(FixedPointError) {
                return try Money(parsing: parts[0], currency)
            } catch {
                throw SettingValueError("not an amount of \(currency.code): \(error)")
            }
        } format: {
            "\($0.amountText) \($0.currency.code)"
        }
    }
}
