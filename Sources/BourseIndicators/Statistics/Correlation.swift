/// Rolling Pearson correlation of two series (TA-Lib `CORREL`, default 30); 0 when
/// either series is constant over the window. Lookback `period − 1`.
/// - Complexity: O(1) per update, allocation-free.
public struct Correlation: Indicator, Sendable {
    @usableFromInline var window: PairWindow
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `1...100_000`.
    public init(period: Int = 30) throws(IndicatorError) {
        try IndicatorError.check(period, of: "CORREL", minimum: 1)
        window = PairWindow(validPeriod: period)
    }

    public var period: Int { window.period }
    public var lookback: Int { period - 1 }
    @inlinable public var isReady: Bool { window.isFull }

    @inlinable
    public mutating func update(_ pair: Pair) {
        window.update(x: pair.x, y: pair.y)
        guard window.isFull else { return }
        let p = Double(window.period)
        let w = window
        let denominator = (w.sumXX - ((w.sumX * w.sumX) / p)) * (w.sumYY - ((w.sumY * w.sumY) / p))
        current = denominator <= 0 ? 0.0 : (w.sumXY - ((w.sumX * w.sumY) / p)) / denominator.squareRoot()
    }

    public mutating func reset() {
        window.reset()
        current = .nan
    }
}
