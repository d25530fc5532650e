/// Why an indicator could not be built or run.
public enum IndicatorError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An integer parameter (a period) outside its allowed range.
    case invalidPeriod(indicator: String, parameter: String, value: Int, allowed: ClosedRange<Int>)
    /// A real parameter that is not finite or outside its allowed range.
    case invalidParameter(indicator: String, parameter: String, value: Double, reason: String)
    /// Batch input columns of different lengths.
    case lengthMismatch(expected: Int, actual: Int)
    /// A saved state (``RestorableIndicator``) that is no state of the indicator.
    case invalidState(indicator: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidPeriod(indicator, parameter, value, allowed):
            "\(indicator): \(parameter) \(value) is outside \(allowed.lowerBound)...\(allowed.upperBound)"
        case let .invalidParameter(indicator, parameter, value, reason):
            "\(indicator): \(parameter) \(value) \(reason)"
        case let .lengthMismatch(expected, actual):
            "batch input columns differ in length: \(expected) vs \(actual)"
        case let .invalidState(indicator, reason):
            "\(indicator): saved state refused: \(reason)"
        }
    }

    /// TA-Lib's upper bound on every period.
    public static let maximumPeriod = 100_000

    /// Checks `value` against `minimum...maximumPeriod`.
    static func check(
        _ value: Int, _ parameter: String = "period", of indicator: String, minimum: Int = 2
    ) throws(IndicatorError) {
        let allowed = minimum...maximumPeriod
        guard allowed.contains(value) else {
            throw .invalidPeriod(indicator: indicator, parameter: parameter, value: value, allowed: allowed)
        }
    }

    /// Checks that `value` is finite.
    static func checkFinite(_ value: Double, _ parameter: String, of indicator: String) throws(IndicatorError) {
        guard value.isFinite else {
            throw .invalidParameter(indicator: indicator, parameter: parameter, value: value, reason: "must be finite")
        }
    }

    /// Checks that `value` is finite and not negative.
    static func checkNonNegative(_ value: Double, _ parameter: String, of indicator: String) throws(IndicatorError) {
        guard value.isFinite, value >= 0 else {
            throw .invalidParameter(
                indicator: indicator, parameter: parameter, value: value, reason: "must be finite and ≥ 0")
        }
    }
}
