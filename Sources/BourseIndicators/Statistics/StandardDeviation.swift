/// Rolling population standard deviation times `deviations` (TA-Lib `STDDEV`,
/// default 5 and 1): `√VAR · deviations`, 0 when rounding makes the variance ≤ 0. Lookback `period − 1`.
/// - Complexity: O(1) per update, allocation-free.
public struct StandardDeviation: Indicator, Sendable {
    public let deviations: Double
    @usableFromInline var moments: RollingMoments
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    /// - Throws: ``IndicatorError`` unless `period` is in `2...100_000` and `deviations` finite.
    public init(period: Int = 5, deviations: Double = 1) throws(IndicatorError) {
        try IndicatorError.check(period, of: "STDDEV")
        try IndicatorError.checkFinite(deviations, "deviations", of: "STDDEV")
        self.deviations = deviations
        moments = RollingMoments(validPeriod: period)
    }

    public var period: Int { moments.period }
    public var lookback: Int { period - 1 }
    @inlinable public var isReady: Bool { moments.isReady }

    @inlinable
    public mutating func update(_ x: Double) {
        moments.update(x)
        guard moments.isReady else { return }
        current = moments.standardDeviation * deviations
    }

    public mutating func reset() {
        moments.reset()
        current = .nan
    }
}
