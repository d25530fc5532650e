import BourseConfiguration
import BourseCore
import BourseEngine

extension SettingType where Value == [String] {
    /// Comma-separated items (spaces around them ignored); empty text is the empty list.
    static var list: SettingType<[String]> {
        SettingType(name: "comma-separated items") { text throws(SettingValueError) in
            let items = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
            if items == [""] { return [] }
            guard !items.contains("") else { throw SettingValueError("an empty item between commas") }
            return items
        } format: {
            $0.joined(separator: ", ")
        }
    }

    /// Comma-separated values of a strategy parameter, each checked against its declaration.
    static func parameterList(_ spec: ParameterSpec) -> SettingType<[String]> {
        SettingType(name: "comma-separated \(spec.kind.rawValue) values") { text throws(SettingValueError) in
            let items = try SettingType.list.parse(text)
            for item in items { _ = try SettingType<String>.parameter(spec).parse(item) }
            return items
        } format: {
            $0.joined(separator: ", ")
        }
    }
}

extension SettingType where Value == String {
    /// A value of a strategy parameter, checked against its declaration (type and range).
    static func parameter(_ spec: ParameterSpec) -> SettingType<String> {
        let range = spec.range.map { " in \($0.lowerBound)...\($0.upperBound)" } ?? ""
        return SettingType(name: "\(spec.kind == .integer ? "an integer" : spec.kind == .decimal ? "a number" : "a text")\(range)") {
            text throws(SettingValueError) in
            do throws(ParameterError) {
                try spec.check(try spec.parse(text))
            } catch {
                throw SettingValueError(error.description)
            }
            return text
        } format: {
            $0
        }
    }
}

extension SettingType where Value == String? {
    /// Any text; empty means unset.
    static var optionalText: SettingType<String?> {
        SettingType(name: "a text (empty: none)") { text throws(SettingValueError) in text.isEmpty ? nil : text } format: { $0 ?? "" }
    }
}

extension SettingType where Value == UnixNanos? {
    /// A date `YYYY-MM-DD` (midnight UTC); empty means unset.
    static var date: SettingType<UnixNanos?> {
        SettingType(name: "a date YYYY-MM-DD (empty: none)") { text throws(SettingValueError) in
            if text.isEmpty { return nil }
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else {
                throw SettingValueError("expected a date YYYY-MM-DD")
            }
            do throws(CivilDateTimeError) {
                return try CivilDateTime(year: y, month: m, day: d).unixNanos
            } catch {
                throw SettingValueError("not a calendar date: \(error)")
            }
        } format: {
            $0.map { CivilDateTime($0).isoDate } ?? ""
        }
    }
}

extension SettingType where Value == Rate {
    /// A decimal fraction such as `0.002`.
    static var rate: SettingType<Rate> {
        SettingType(name: "a decimal number such as 0.002") { text throws(SettingValueError) in
            let rate: Rate
            do throws(FixedPointError) { rate = try Rate(parsing: text) } catch { throw SettingValueError("not a decimal number: \(error)") }
            guard rate.raw >= 0 else { throw SettingValueError("must not be negative") }
            return rate
        } format: {
            $0.description
        }
    }
}

extension SettingType where Value == BarSpec {
    /// A bar spec such as `1-DAY-LAST`.
    static var barSpec: SettingType<BarSpec> {
        SettingType(name: "a bar spec such as 1-DAY-LAST") { text throws(SettingValueError) in
            do throws(MarketDataError) { return try BarSpec(text) } catch { throw SettingValueError("\(error)") }
        } format: {
            $0.description
        }
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
