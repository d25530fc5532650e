/// Bollinger Bands (TA-Lib `BBANDS` with its default SMA, default 5, 2, 2):
/// `middle = SMA`, `upper/lower = middle ± deviations · σ`, σ the population standard
/// deviation (0 when rounding makes the variance ≤ 0). Lookback `period − 1`.
/// - Complexity: O(1) per update, allocation-free.
public struct BollingerBands: Indicator, Sendable {
    /// The three bands.
    public struct Value: Sendable, Hashable {
        public var upper: Double
        public var middle: Double
        public var lower: Double

        @usableFromInline
        init(upper: Double, middle: Double, lower: Double) {
            self.upper = upper
            self.middle = middle
            self.lower = lower
        }
    }

    public let deviationsUp: Double
    public let deviationsDown: Double
    @usableFromInline var moments: RollingMoments
    @usableFromInline var current = Value(upper: .nan, middle: .nan, lower: .nan)
    @inlinable public var value: Value { current }

    /// - Throws: ``IndicatorError`` unless `period` is in `2...100_000` and the deviations finite.
    public init(period: Int = 5, deviationsUp: Double = 2, deviationsDown: Double = 2) throws(IndicatorError) {
        try IndicatorError.check(period, of: "BBANDS")
        try IndicatorError.checkFinite(deviationsUp, "deviationsUp", of: "BBANDS")
        try IndicatorError.checkFinite(deviationsDown, "deviationsDown", of: "BBANDS")
        self.deviationsUp = deviationsUp
        self.deviationsDown = deviationsDown
        moments = RollingMoments(validPeriod: period)
    }

    public var period: Int { moments.period }
    public var lookback: Int { period - 1 }
    @inlinable public var isReady: Bool { moments.isReady }

    @inlinable
    public mutating func update(_ x: Double) {
        moments.update(x)
        guard moments.isReady else { return }
        let middle = moments.mean
        let sigma = moments.standardDeviation
        current = Value(upper: middle + sigma * deviationsUp, middle: middle, lower: middle - sigma * deviationsDown)
    }

    public mutating func reset() {
        moments.reset()
        current = Value(upper: .nan, middle: .nan, lower: .nan)
    }
}
