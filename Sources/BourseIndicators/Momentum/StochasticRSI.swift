/// Stochastic RSI (TA-Lib `STOCHRSI`, default 14/5/3 with SMA): the fast stochastic
/// of the RSI series (high = low = close = RSI).
///
/// Lookback `rsiPeriod + (fastK − 1) + (fastD − 1)`.
/// - Complexity: amortized O(1) per update, allocation-free.
public struct StochasticRSI: Indicator, Sendable {
    @usableFromInline var rsi: RSI
    @usableFromInline var stochastic: FastStochastic

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `rsiPeriod`
    ///   is in `2...100_000` and the stochastic periods in `1...100_000`.
    public init(rsiPeriod: Int = 14, fastKPeriod: Int = 5, fastDPeriod: Int = 3) throws(IndicatorError) {
        rsi = try RSI(period: rsiPeriod)
        stochastic = try FastStochastic(fastKPeriod: fastKPeriod, fastDPeriod: fastDPeriod)
    }

    public var lookback: Int { rsi.lookback + stochastic.lookback }
    @inlinable public var isReady: Bool { stochastic.isReady }
    @inlinable public var value: StochasticValue { stochastic.value }

    @inlinable
    public mutating func update(_ x: Double) {
        rsi.update(x)
        if rsi.isReady { stochastic.update(HLCV(high: rsi.value, low: rsi.value, close: rsi.value)) }
    }

    public mutating func reset() {
        rsi.reset()
        stochastic.reset()
    }
}
