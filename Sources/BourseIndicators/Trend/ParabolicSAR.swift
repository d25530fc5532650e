/// Parabolic SAR (TA-Lib `SAR`, default acceleration 0.02, maximum 0.2).
///
/// The first trend is short when bar 1's −DM is positive (`low₀ − low₁ > 0` and greater
/// than `high₁ − high₀`), long otherwise; the first SAR is bar 0's low (long) or high
/// (short) and is output on bar 1 (lookback 1). An acceleration above the maximum is
/// capped at the maximum, as in TA-Lib.
/// - Complexity: O(1) per update, allocation-free.
public struct ParabolicSAR: Indicator, Sendable {
    public let acceleration: Double
    public let maximum: Double
    @usableFromInline var count = 0
    @usableFromInline var isLong = true
    @usableFromInline var af = 0.0
    @usableFromInline var ep = 0.0
    @usableFromInline var sar = 0.0
    @usableFromInline var previousHigh = 0.0
    @usableFromInline var previousLow = 0.0
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    /// - Throws: ``IndicatorError/invalidParameter(indicator:parameter:value:reason:)`` unless both
    ///   factors are finite and ≥ 0.
    public init(acceleration: Double = 0.02, maximum: Double = 0.2) throws(IndicatorError) {
        try IndicatorError.checkNonNegative(acceleration, "acceleration", of: "SAR")
        try IndicatorError.checkNonNegative(maximum, "maximum", of: "SAR")
        self.acceleration = min(acceleration, maximum)
        self.maximum = maximum
    }

    public var lookback: Int { 1 }
    @inlinable public var isReady: Bool { count >= 2 }
    /// Whether the current trend is long (meaningful once ``isReady``).
    @inlinable public var isLongTrend: Bool { isLong }

    @inlinable
    public mutating func update(_ bar: HLCV) {
        let newHigh = bar.high
        let newLow = bar.low
        if count == 0 {
            count = 1
            previousHigh = newHigh
            previousLow = newLow
            return
        }
        var prevHigh = previousHigh
        var prevLow = previousLow
        if count == 1 {
            count = 2
            let diffP = newHigh - previousHigh
            let diffM = previousLow - newLow
            isLong = !(diffM > 0 && diffP < diffM)
            af = acceleration
            ep = isLong ? newHigh : newLow
            sar = isLong ? previousLow : previousHigh
            // TA-Lib's first iteration treats bar 1 as its own previous bar.
            prevHigh = newHigh
            prevLow = newLow
        }
        previousHigh = newHigh
        previousLow = newLow
        if isLong {
            if newLow <= sar {
                isLong = false
                sar = max(ep, prevHigh, newHigh)
                current = sar
                af = acceleration
                ep = newLow
                sar = max(sar + af * (ep - sar), prevHigh, newHigh)
            } else {
                current = sar
                if newHigh > ep {
                    ep = newHigh
                    af = min(af + acceleration, maximum)
                }
                sar = min(sar + af * (ep - sar), prevLow, newLow)
            }
        } else if newHigh >= sar {
            isLong = true
            sar = min(ep, prevLow, newLow)
            current = sar
            af = acceleration
            ep = newHigh
            sar = min(sar + af * (ep - sar), prevLow, newLow)
        } else {
            current = sar
            if newLow < ep {
                ep = newLow
                af = min(af + acceleration, maximum)
            }
            sar = max(sar + af * (ep - sar), prevHigh, newHigh)
        }
    }

    public mutating func reset() {
        count = 0
        isLong = true
        af = 0
        ep = 0
        sar = 0
        previousHigh = 0
        previousLow = 0
        current = .nan
    }
}
