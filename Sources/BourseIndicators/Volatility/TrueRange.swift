/// True range (TA-Lib `TRANGE`): the greatest of `high − low`, `|high − previous close|`,
/// `|low − previous close|`. Lookback 1 (the first bar has no previous close).
/// - Complexity: O(1) per update, allocation-free.
public struct TrueRange: Indicator, Sendable {
    @usableFromInline var previousClose = 0.0
    /// Bars seen, saturating at 2.
    @usableFromInline var seen = 0
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    public init() {}

    public var lookback: Int { 1 }
    @inlinable public var isReady: Bool { seen >= 2 }

    @inlinable
    public mutating func update(_ bar: HLCV) {
        if seen > 0 {
            current = trueRange(high: bar.high, low: bar.low, previousClose: previousClose)
            seen = 2
        } else {
            seen = 1
        }
        previousClose = bar.close
    }

    public mutating func reset() {
        previousClose = 0
        seen = 0
        current = .nan
    }
}
