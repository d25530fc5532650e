/// Rolling beta of y on x over the last `period` observations of the series given
/// (TA-Lib has no such function; its ``Beta`` works on prices): the least-squares
/// slope `cov(x, y) / var(x)`.
///
/// Feed returns to get the usual market beta: `update(x: marketReturn, y: assetReturn)`.
/// 0 when `n·Σx² − (Σx)²` is below 1e-8 in magnitude (x constant), as TA-Lib's `BETA`.
/// Lookback `period − 1`.
/// - Complexity: O(1) per update, allocation-free.
public struct RollingBeta: Indicator, Sendable {
    @usableFromInline var window: PairWindow
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `2...100_000`.
    public init(period: Int) throws(IndicatorError) {
        try IndicatorError.check(period, of: "RollingBeta")
        window = PairWindow(validPeriod: period)
    }

    public var period: Int { window.period }
    public var lookback: Int { period - 1 }
    @inlinable public var isReady: Bool { window.isFull }

    @inlinable
    public mutating func update(_ pair: Pair) {
        window.update(x: pair.x, y: pair.y)
        if window.isFull { current = olsSlope(window) }
    }

    public mutating func reset() {
        window.reset()
        current = .nan
    }
}
