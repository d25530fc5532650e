/// TA-Lib's `BETA` (default 5): the least-squares slope of y's one-bar returns on
/// x's one-bar returns over the last `period` returns, computed from **prices**.
///
/// A return is `(p − p[−1]) / p[−1]` (0 when the previous price is below 1e-8); the beta
/// is `(n·Σxy − Σx·Σy) / (n·Σx² − (Σx)²)`, 0 when that denominator is below 1e-8 in
/// magnitude. Lookback `period`. For the beta of series you already hold (e.g. returns
/// you computed), use ``RollingBeta``.
/// - Complexity: O(1) per update, allocation-free.
public struct Beta: Indicator, Sendable {
    @usableFromInline var returns: PairWindow
    @usableFromInline var previous = Pair(x: 0, y: 0)
    @usableFromInline var started = false
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `1...100_000`.
    public init(period: Int = 5) throws(IndicatorError) {
        try IndicatorError.check(period, of: "BETA", minimum: 1)
        returns = PairWindow(validPeriod: period)
    }

    public var period: Int { returns.period }
    public var lookback: Int { period }
    @inlinable public var isReady: Bool { returns.isFull }

    @inlinable
    static func change(_ price: Double, from last: Double) -> Double {
        taIsZero(last) ? 0.0 : (price - last) / last
    }

    @inlinable
    public mutating func update(_ prices: Pair) {
        defer { previous = prices }
        guard started else {
            started = true
            return
        }
        returns.update(x: Self.change(prices.x, from: previous.x), y: Self.change(prices.y, from: previous.y))
        guard returns.isFull else { return }
        current = olsSlope(returns)
    }

    public mutating func reset() {
        returns.reset()
        previous = Pair(x: 0, y: 0)
        started = false
        current = .nan
    }
}

/// `(n·Σxy − Σx·Σy) / (n·Σx² − (Σx)²)` over a full window, 0 when the denominator is
/// below 1e-8 in magnitude (TA-Lib's `BETA` rule).
@inlinable
func olsSlope(_ w: PairWindow) -> Double {
    let n = Double(w.period)
    let denominator = (n * w.sumXX) - (w.sumX * w.sumX)
    return taIsZero(denominator) ? 0.0 : ((n * w.sumXY) - (w.sumX * w.sumY)) / denominator
}
