import BourseConfiguration
import BourseCore
import BourseRisk
import Foundation

extension SettingType {
    /// `inner`, or `none` for no value (a disabled limit).
    static func optional<Wrapped>(_ inner: SettingType<Wrapped>) -> SettingType<Wrapped?> where Value == Wrapped? {
        SettingType<Wrapped?>(name: "\(inner.name), or none") { text throws(SettingValueError) in
            text == "none" ? nil : try inner.parse(text)
        } format: {
            $0.map(inner.format) ?? "none"
        }
    }

    /// A comma-separated list of `element`, or `none` for an empty one.
    static func list<Element>(_ element: SettingType<Element>) -> SettingType<[Element]> where Value == [Element] {
        SettingType<[Element]>(name: "a comma-separated list of \(element.name), or none") { text throws(SettingValueError) in
            guard text != "none" else { return [] }
            var values: [Element] = []
            for item in text.split(separator: ",", omittingEmptySubsequences: false) {
                values.append(try element.parse(item.trimmingCharacters(in: .whitespaces)))
            }
            return values
        } format: {
            $0.isEmpty ? "none" : $0.map(element.format).joined(separator: ",")
        }
    }
}

extension SettingType where Value: FixedPointValue {
    /// A positive decimal `what`, such as `example`.
    static func positive(_ what: String, example: String) -> SettingType<Value> {
        SettingType(name: "a positive \(what) such as \(example)") { text throws(SettingValueError) in
            guard let value = try? Value(parsing: text), value.raw > 0 else { throw SettingValueError("expected a positive \(what)") }
            return value
        } format: {
            $0.description
        }
    }
}

extension SettingType where Value == Quantity {
    /// A positive decimal quantity: `1000`, `0.5`.
    static var positiveQuantity: SettingType<Quantity> { .positive("quantity", example: "1000") }
}

extension SettingType where Value == Rate {
    /// A positive decimal fraction: `0.25` is 25 %.
    static var positiveFraction: SettingType<Rate> { .positive("fraction", example: "0.25") }
}

extension SettingType where Value == InstrumentID {
    /// `SYMBOL.VENUE`.
    static var instrumentID: SettingType<InstrumentID> {
        SettingType(name: "an instrument id such as GOOG.NASDAQ") { text throws(SettingValueError) in
            do throws(IdentifierError) { return try InstrumentID(text) } catch { throw SettingValueError("\(error)") }
        } format: {
            $0.description
        }
    }
}

extension SettingType where Value == Nanoseconds {
    /// A positive whole number of `ms`, `s`, `m`, `h` or `d`: `500ms`, `30s`, `2d`.
    static var duration: SettingType<Nanoseconds> {
        let units: [(String, Int64)] = [
            ("ms", Nanoseconds.perMillisecond), ("s", Nanoseconds.perSecond), ("m", Nanoseconds.perMinute),
            ("h", Nanoseconds.perHour), ("d", Nanoseconds.perDay),
        ]
        return SettingType(name: "a duration such as 500ms, 30s, 5m, 2h or 1d") { text throws(SettingValueError) in
            // "ms" before "s": the first unit whose suffix matches with digits before it.
            for (suffix, unit) in units where text.hasSuffix(suffix) {
                guard let amount = Int64(text.dropLast(suffix.count)) else { continue }
                guard amount > 0, case (let raw, false) = unit.multipliedReportingOverflow(by: amount) else { break }
                return Nanoseconds(raw)
            }
            throw SettingValueError("expected a positive duration such as 500ms, 30s, 5m, 2h or 1d")
        } format: { duration in
            let (suffix, unit) = units.last { duration.rawValue % $0.1 == 0 } ?? ("ms", Nanoseconds.perMillisecond)
            return "\(duration.rawValue / unit)\(suffix)"
        }
    }
}

extension SettingType where Value == RateLimit {
    /// `COUNT/DURATION`: `100/1s`, `20/500ms`, `3/1d`.
    static var rateLimit: SettingType<RateLimit> {
        SettingType(name: "COUNT/DURATION such as 100/1s or 20/500ms") { text throws(SettingValueError) in
            let parts = text.split(separator: "/")
            guard parts.count == 2, let count = Int(parts[0]), count > 0,
                let window = try? SettingType<Nanoseconds>.duration.parse(String(parts[1]))
            else { throw SettingValueError("expected COUNT/DURATION such as 100/1s or 20/500ms, both positive") }
            return RateLimit(maxCount: count, window: window)
        } format: {
            "\($0.maxCount)/\(SettingType<Nanoseconds>.duration.format($0.window))"
        }
    }
}

extension SettingType where Value == TagLimit {
    /// `TAG=FRACTION`: `tech=0.3`, `asset-class:equity=1.5`.
    static var tagLimit: SettingType<TagLimit> {
        SettingType(name: "TAG=FRACTION such as tech=0.3") { text throws(SettingValueError) in
            let (tag, value) = try assignment(text, "TAG=FRACTION such as tech=0.3")
            return TagLimit(tag: tag, maxFraction: try SettingType<Rate>.positiveFraction.parse(value))
        } format: {
            "\($0.tag)=\($0.maxFraction)"
        }
    }
}

/// A rate to the base currency set in the configuration: units of the base currency per unit of `currency`.
struct ExchangeRateSetting: Sendable {
    let currency: Currency
    let rate: Price
}

extension SettingType where Value == ExchangeRateSetting {
    /// `CURRENCY=RATE`: `EUR=1.0850`.
    static var exchangeRate: SettingType<ExchangeRateSetting> {
        SettingType(name: "CURRENCY=RATE such as EUR=1.0850") { text throws(SettingValueError) in
            let (code, value) = try assignment(text, "CURRENCY=RATE such as EUR=1.0850")
            guard let rate = try? Price(parsing: value), rate.raw > 0 else { throw SettingValueError("rate '\(value)' is not a positive number") }
            return ExchangeRateSetting(currency: try SettingType<Currency>.currency.parse(code), rate: rate)
        } format: {
            "\($0.currency.code)=\($0.rate)"
        }
    }
}

/// `NAME=VALUE` split, both non-empty.
private func assignment(_ text: String, _ expected: String) throws(SettingValueError) -> (String, String) {
    guard let equals = text.firstIndex(of: "="), equals != text.startIndex, text.index(after: equals) != text.endIndex
    else { throw SettingValueError("expected \(expected), got '\(text)'") }
    return (String(text[..<equals]), String(text[text.index(after: equals)...]))
}
