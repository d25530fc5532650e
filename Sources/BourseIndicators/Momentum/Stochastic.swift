/// Slow stochastic oscillator (TA-Lib `STOCH` with SMA smoothing, default 5/3/3).
///
/// `k = SMA(raw %K, slowKPeriod)`, `d = SMA(k, slowDPeriod)`. Lookback
/// `(fastK − 1) + (slowK − 1) + (slowD − 1)`. Only TA-Lib's default SMA smoothing
/// (`MA_Type.SMA`) is implemented.
/// - Complexity: amortized O(1) per update, allocation-free.
public struct Stochastic: Indicator, Sendable {
    public let fastKPeriod: Int
    @usableFromInline var raw: StochasticK
    @usableFromInline var slowK: SMA
    @usableFromInline var slowD: SMA
    @usableFromInline var current = StochasticValue.notReady
    @inlinable public var value: StochasticValue { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `fastKPeriod`
    ///   is in `1...100_000` and the smoothing periods in `1...100_000`.
    public init(fastKPeriod: Int = 5, slowKPeriod: Int = 3, slowDPeriod: Int = 3) throws(IndicatorError) {
        try IndicatorError.check(fastKPeriod, "fastKPeriod", of: "STOCH", minimum: 1)
        self.fastKPeriod = fastKPeriod
        raw = StochasticK(validPeriod: fastKPeriod)
        slowK = try SMA(period: slowKPeriod)
        slowD = try SMA(period: slowDPeriod)
    }

    public var slowKPeriod: Int { slowK.period }
    public var slowDPeriod: Int { slowD.period }
    public var lookback: Int { (fastKPeriod - 1) + slowK.lookback + slowD.lookback }
    @inlinable public var isReady: Bool { slowD.isReady }

    @inlinable
    public mutating func update(_ bar: HLCV) {
        let k = raw.update(high: bar.high, low: bar.low, close: bar.close)
        guard raw.isReady else { return }
        slowK.update(k)
        guard slowK.isReady else { return }
        slowD.update(slowK.value)
        if slowD.isReady { current = StochasticValue(k: slowK.value, d: slowD.value) }
    }

    public mutating func reset() {
        raw.reset()
        slowK.reset()
        slowD.reset()
        current = .notReady
    }
}
