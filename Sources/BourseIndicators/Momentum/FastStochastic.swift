/// Fast stochastic oscillator (TA-Lib `STOCHF` with SMA smoothing, default 5/3).
///
/// `k = raw %K`, `d = SMA(k, fastDPeriod)`. Lookback `(fastK − 1) + (fastD − 1)`.
/// - Complexity: amortized O(1) per update, allocation-free.
public struct FastStochastic: Indicator, Sendable {
    public let fastKPeriod: Int
    @usableFromInline var raw: StochasticK
    @usableFromInline var fastD: SMA
    @usableFromInline var current = StochasticValue.notReady
    @inlinable public var value: StochasticValue { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless both
    ///   periods are in `1...100_000`.
    public init(fastKPeriod: Int = 5, fastDPeriod: Int = 3) throws(IndicatorError) {
        try IndicatorError.check(fastKPeriod, "fastKPeriod", of: "STOCHF", minimum: 1)
        self.fastKPeriod = fastKPeriod
        raw = StochasticK(validPeriod: fastKPeriod)
        fastD = try SMA(period: fastDPeriod)
    }

    public var fastDPeriod: Int { fastD.period }
    public var lookback: Int { (fastKPeriod - 1) + fastD.lookback }
    @inlinable public var isReady: Bool { fastD.isReady }

    @inlinable
    public mutating func update(_ bar: HLCV) {
        let k = raw.update(high: bar.high, low: bar.low, close: bar.close)
        guard raw.isReady else { return }
        fastD.update(k)
        if fastD.isReady { current = StochasticValue(k: k, d: fastD.value) }
    }

    public mutating func reset() {
        raw.reset()
        fastD.reset()
        current = .notReady
    }
}
