/// Exact decimal arithmetic on `Int64` raw values with an explicit number of
/// decimal places (the *precision*): the shared engine behind ``Price``,
/// ``Quantity`` and ``Money``.
///
/// Rules, for every type built on it:
/// - a value is `raw / 10^precision`, with `precision` in `0...9`;
/// - parsing reads plain decimals only (`"101.2500"`, `"-3"`, `"0.5"`); exponents,
///   spaces, grouping separators, `NaN` and `inf` are errors, never a `Double` trip;
/// - addition and subtraction need equal precisions and throw on overflow;
/// - comparison and equality are by value across precisions (`1.0 == 1.00`);
/// - rounding always names its ``RoundingRule``.
public enum FixedPoint {
    /// The largest supported precision (decimal places).
    public static let maxPrecision: UInt8 = 9

    /// `10^p` for `p` in `0...18`.
    @usableFromInline
    static let powersOfTen: [Int64] = (0...18).map { p in (0..<p).reduce(Int64(1)) { acc, _ in acc * 10 } }

    /// `10^precision`.
    @inlinable
    public static func scale(_ precision: UInt8) -> Int64 { powersOfTen[Int(precision)] }

    static func checkPrecision(_ precision: UInt8) throws(FixedPointError) {
        guard precision <= maxPrecision else { throw .precisionOutOfRange(precision) }
    }

    /// Parses a plain decimal string into a raw value.
    ///
    /// With `precision == nil` the precision is the number of decimals written;
    /// otherwise decimals beyond `precision` must be zeros.
    static func parse(
        _ text: Substring, precision: UInt8?, allowNegative: Bool
    ) throws(FixedPointError) -> (raw: Int64, precision: UInt8) {
        let original = String(text)
        var bytes = text.utf8[...]
        guard !bytes.isEmpty else { throw .malformed(text: original, reason: "empty") }
        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var raw: Int64 = 0
        var integerDigits = 0
        var fractionDigits = 0
        var droppedNonZero = false
        var seenPoint = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int64(byte &- UInt8(ascii: "0"))
                if seenPoint {
                    if let precision, fractionDigits >= Int(precision) {
                        if digit != 0 { droppedNonZero = true }
                        continue
                    }
                    fractionDigits += 1
                    guard fractionDigits <= Int(maxPrecision) else {
                        throw .excessPrecision(text: original, precision: maxPrecision)
                    }
                } else {
                    integerDigits += 1
                }
                let (times10, o1) = raw.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(digit)
                guard !o1, !o2 else { throw .overflow(operation: "parsing '\(original)'") }
                raw = sum
            case UInt8(ascii: "."):
                guard !seenPoint else { throw .malformed(text: original, reason: "more than one decimal point") }
                seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                throw .malformed(text: original, reason: "exponent notation is not accepted; write the number in full")
            default:
                throw .malformed(text: original, reason: "unexpected character '\(Character(Unicode.Scalar(byte)))'")
            }
        }
        guard integerDigits + fractionDigits > 0 else { throw .malformed(text: original, reason: "no digits") }
        if droppedNonZero, let precision { throw .excessPrecision(text: original, precision: precision) }
        if negative && !allowNegative && raw != 0 { throw .negative(original) }
        let finalPrecision = precision ?? UInt8(fractionDigits)
        try checkPrecision(finalPrecision)
        let raised = try rescale(raw, from: UInt8(fractionDigits), to: finalPrecision, rule: .towardZero)
        return (negative ? -raised : raised, finalPrecision)
    }

    /// The raw value at another precision; going down uses `rule`.
    @inlinable
    public static func rescale(
        _ raw: Int64, from: UInt8, to: UInt8, rule: RoundingRule
    ) throws(FixedPointError) -> Int64 {
        if to == from { return raw }
        if to > from {
            let (result, overflow) = raw.multipliedReportingOverflow(by: scale(to - from))
            guard !overflow else { throw .overflow(operation: "rescale to precision \(to)") }
            return result
        }
        return divide(raw, by: scale(from - to), rule: rule)
    }

    /// `numerator / divisor` rounded by `rule`; `divisor` must be positive.
    @inlinable
    public static func divide(_ numerator: Int64, by divisor: Int64, rule: RoundingRule) -> Int64 {
        let q = numerator / divisor
        let r = numerator % divisor
        if r == 0 { return q }
        let positive = numerator > 0
        switch rule {
        case .towardZero: return q
        case .awayFromZero: return positive ? q + 1 : q - 1
        case .down: return positive ? q : q - 1
        case .up: return positive ? q + 1 : q
        case .halfEven, .halfUp:
            let twice = r.magnitude * 2
            let d = divisor.magnitude
            let away = twice > d || (twice == d && (rule == .halfUp || q & 1 != 0))
            return away ? (positive ? q + 1 : q - 1) : q
        }
    }

    /// `numerator / divisor` in 128-bit arithmetic, rounded by `rule`, checked into `Int64`.
    public static func divide(_ numerator: Int128, by divisor: Int128, rule: RoundingRule) throws(FixedPointError) -> Int64 {
        guard divisor != 0 else { throw .invalidIncrement("division by zero") }
        let n = divisor < 0 ? -numerator : numerator
        let d = divisor.magnitude
        let q = n / Int128(d)
        let r = n % Int128(d)
        var result = q
        if r != 0 {
            let positive = n > 0
            switch rule {
            case .towardZero: break
            case .awayFromZero: result += positive ? 1 : -1
            case .down: if !positive { result -= 1 }
            case .up: if positive { result += 1 }
            case .halfEven, .halfUp:
                let twice = r.magnitude * 2
                if twice > d || (twice == d && (rule == .halfUp || q & 1 != 0)) { result += positive ? 1 : -1 }
            }
        }
        guard let narrow = Int64(exactly: result) else { throw .overflow(operation: "division") }
        return narrow
    }

    /// The raw value rounded to a multiple of `increment` (same precision), by `rule`.
    @inlinable
    public static func round(_ raw: Int64, toMultipleOf increment: Int64, rule: RoundingRule) throws(FixedPointError) -> Int64 {
        guard increment > 0 else { throw .invalidIncrement("increment must be positive") }
        let (result, overflow) = divide(raw, by: increment, rule: rule).multipliedReportingOverflow(by: increment)
        guard !overflow else { throw .overflow(operation: "rounding to increment") }
        return result
    }

    /// Three-way comparison by value of two raw values at possibly different precisions.
    @inlinable
    public static func compare(_ a: Int64, _ pa: UInt8, _ b: Int64, _ pb: UInt8) -> Int {
        if pa == pb { return a < b ? -1 : (a == b ? 0 : 1) }
        let wa = Int128(a) * Int128(scale(FixedPoint.maxPrecision - pa))
        let wb = Int128(b) * Int128(scale(FixedPoint.maxPrecision - pb))
        return wa < wb ? -1 : (wa == wb ? 0 : 1)
    }

    /// The raw value with trailing decimal zeros removed (for hashing by value).
    static func normalized(_ raw: Int64, _ precision: UInt8) -> (Int64, UInt8) {
        var r = raw
        var p = precision
        while p > 0 && r % 10 == 0 {
            r /= 10
            p -= 1
        }
        return (r, p)
    }

    /// Exact decimal text with exactly `precision` decimals.
    static func format(_ raw: Int64, _ precision: UInt8) -> String {
        let magnitude = raw.magnitude
        let s = UInt64(scale(precision))
        let integerPart = String(magnitude / s)
        let sign = raw < 0 ? "-" : ""
        guard precision > 0 else { return sign + integerPart }
        return sign + integerPart + "." + pad(Int(magnitude % s), Int(precision))
    }

    /// The nearest raw value (ties to even) of a `Double` at `precision`.
    static func raw(from value: Double, precision: UInt8) throws(FixedPointError) -> Int64 {
        guard value.isFinite else { throw .notFinite }
        try checkPrecision(precision)
        let scaled = (value * Double(scale(precision))).rounded(.toNearestOrEven)
        guard let raw = Int64(exactly: scaled) else { throw .overflow(operation: "conversion from Double") }
        return raw
    }

    /// Checked sum of two raw values.
    @inlinable
    public static func add(_ a: Int64, _ b: Int64) throws(FixedPointError) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard !overflow else { throw .overflow(operation: "addition") }
        return sum
    }

    /// Checked difference of two raw values.
    @inlinable
    public static func subtract(_ a: Int64, _ b: Int64) throws(FixedPointError) -> Int64 {
        let (difference, overflow) = a.subtractingReportingOverflow(b)
        guard !overflow else { throw .overflow(operation: "subtraction") }
        return difference
    }
}
