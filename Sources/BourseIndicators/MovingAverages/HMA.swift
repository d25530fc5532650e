/// Hull moving average: `WMA(2·WMA(x, n/2) − WMA(x, n), ⌊√n⌋)` (Alan Hull; TA-Lib
/// has none). `n/2` is rounded down.
///
/// Lookback `(n − 1) + (⌊√n⌋ − 1)`. - Complexity: O(1) per update, allocation-free.
public struct HMA: Indicator, Sendable {
    public let period: Int
    @usableFromInline var half: WMA
    @usableFromInline var full: WMA
    @usableFromInline var smoothing: WMA
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `2...100_000`.
    public init(period: Int) throws(IndicatorError) {
        try IndicatorError.check(period, of: "HMA")
        self.period = period
        half = WMA(validPeriod: period / 2)
        full = WMA(validPeriod: period)
        smoothing = WMA(validPeriod: Self.squareRootFloor(period))
    }

    /// `⌊√n⌋` computed exactly on integers.
    static func squareRootFloor(_ n: Int) -> Int {
        var root = Int(Double(n).squareRoot())
        while root * root > n { root -= 1 }
        while (root + 1) * (root + 1) <= n { root += 1 }
        return root
    }

    public var lookback: Int { (period - 1) + (smoothing.period - 1) }
    @inlinable public var isReady: Bool { smoothing.isReady }

    @inlinable
    public mutating func update(_ x: Double) {
        half.update(x)
        full.update(x)
        guard full.isReady else { return }
        smoothing.update(2.0 * half.value - full.value)
        if smoothing.isReady { current = smoothing.value }
    }

    public mutating func reset() {
        half.reset()
        full.reset()
        smoothing.reset()
        current = .nan
    }
}
