import BourseCore

/// Exact decimal parsing straight from bytes (`-12.3400` → mantissa −123400, 4 decimals),
/// and conversion to a raw fixed-point value at a target precision. No `Double` anywhere.
enum DecimalText {
    /// Outcome of parsing one field.
    enum Status: Sendable { case ok, notANumber, overflow }

    /// A parsed field: `mantissa / 10^decimals` when `status` is `.ok`.
    typealias Parsed = (status: Status, mantissa: Int64, decimals: Int)

    /// What an absent field parses to: zero.
    static var absent: Parsed { (.ok, 0, 0) }

    /// `10^n` for `n` in `0...18` (a short loop: no global table to initialize on the hot path).
    @inline(__always)
    static func pow10(_ n: Int) -> Int64 {
        var value: Int64 = 1
        for _ in 0..<n { value &*= 10 }
        return value
    }

    /// Parses `[start, end)` of `base`: optional sign, digits, optional `.` and digits.
    /// Spaces around the number are ignored. Exponents are not accepted.
    ///
    /// - Complexity: O(length), no allocation.
    @inline(__always)
    static func parse(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Parsed {
        var i = start
        var e = end
        while i < e && base[i] == 0x20 { i += 1 }
        while e > i && base[e - 1] == 0x20 { e -= 1 }
        guard i < e else { return (.notANumber, 0, 0) }
        var negative = false
        if base[i] == 0x2D || base[i] == 0x2B {
            negative = base[i] == 0x2D
            i += 1
        }
        // At most 18 characters hold at most 18 digits: no overflow possible, so the
        // integer and fraction digits are read in two tight loops without counting.
        guard e - i <= 18 else { return parseLong(base, i, e, negative: negative) }
        var mantissa: Int64 = 0
        let integerStart = i
        while i < e {
            let d = base[i] &- 0x30
            if d >= 10 { break }
            mantissa = mantissa &* 10 &+ Int64(d)
            i &+= 1
        }
        var sawDigit = i > integerStart
        var decimals = 0
        if i < e && base[i] == 0x2E {
            i &+= 1
            let fractionStart = i
            while i < e {
                let d = base[i] &- 0x30
                if d >= 10 { return (.notANumber, 0, 0) }
                mantissa = mantissa &* 10 &+ Int64(d)
                i &+= 1
            }
            decimals = i - fractionStart
            sawDigit = sawDigit || decimals > 0
        }
        guard i == e, sawDigit else { return (.notANumber, 0, 0) }
        return (.ok, negative ? -mantissa : mantissa, decimals)
    }

    /// The general case of ``parse(_:_:_:)`` for long fields: leading zeros do not count
    /// toward the 18 significant digits an `Int64` mantissa holds.
    @inline(never)
    private static func parseLong(_ base: UnsafePointer<UInt8>, _ start: Int, _ e: Int, negative: Bool) -> Parsed {
        var i = start
        var mantissa: Int64 = 0
        var digits = 0
        var decimals = 0
        var seenPoint = false
        var sawDigit = false
        while i < e {
            let c = base[i]
            if c == 0x2E {
                if seenPoint { return (.notANumber, 0, 0) }
                seenPoint = true
            } else {
                let d = c &- 0x30
                guard d < 10 else { return (.notANumber, 0, 0) }
                sawDigit = true
                if mantissa != 0 || d != 0 { digits += 1 }
                guard digits <= 18 else { return (.overflow, 0, 0) }
                mantissa = mantissa &* 10 &+ Int64(d)
                if seenPoint { decimals += 1 }
            }
            i += 1
        }
        guard sawDigit else { return (.notANumber, 0, 0) }
        return (.ok, negative ? -mantissa : mantissa, decimals)
    }

    /// Whether every value of `values` times `factor` (> 0) fits an `Int64`.
    static func fitsScaling(_ values: UnsafeBufferPointer<Int64>, by factor: Int64) -> Bool {
        let limit = Int64.max / factor
        return values.allSatisfy { $0 <= limit && $0 >= -limit }
    }

    /// Multiplies every value of `values` by `factor`, once ``fitsScaling(_:by:)`` said it fits.
    static func scale(_ values: UnsafeMutableBufferPointer<Int64>, by factor: Int64) {
        for i in values.indices { values[i] &*= factor }
    }

    /// Outcome of converting a parsed decimal to a precision.
    enum Scaled: Sendable {
        case exact(Int64)
        /// More decimals than the precision, not all zero; `rounded` is the half-even value.
        case excess(rounded: Int64)
        case overflow
    }

    /// The raw value of `mantissa / 10^decimals` at `precision`.
    @inline(__always)
    static func scale(_ mantissa: Int64, decimals: Int, to precision: Int) -> Scaled {
        if decimals == precision { return .exact(mantissa) }
        if decimals < precision {
            let (raw, overflow) = mantissa.multipliedReportingOverflow(by: pow10(precision - decimals))
            return overflow ? .overflow : .exact(raw)
        }
        let divisor = pow10(decimals - precision)
        if mantissa % divisor == 0 { return .exact(mantissa / divisor) }
        return .excess(rounded: FixedPoint.divide(mantissa, by: divisor, rule: .halfEven))
    }
}
