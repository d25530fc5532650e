/// TA-Lib's `TA_IS_ZERO`: `|v| < 1e-8`.
@inlinable
func taIsZero(_ v: Double) -> Bool { -0.00000001 < v && v < 0.00000001 }

/// TA-Lib's `TRUE_RANGE` macro: the greatest of `high − low`, `|high − previous close|`,
/// `|low − previous close|`, evaluated in that order.
@inlinable
func trueRange(high: Double, low: Double, previousClose: Double) -> Double {
    var range = high - low
    let toHigh = abs(previousClose - high)
    if toHigh > range { range = toHigh }
    let toLow = abs(previousClose - low)
    if toLow > range { range = toLow }
    return range
}
