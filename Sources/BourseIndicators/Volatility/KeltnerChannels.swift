/// Keltner channels (TA-Lib has none), the modern form: `middle = EMA(close, emaPeriod)`,
/// `upper/lower = middle ± multiplier · ATR(atrPeriod)`, both as TA-Lib defines them.
/// Defaults 20, 10, 2. Lookback `max(emaPeriod − 1, atrPeriod)`.
/// - Complexity: O(1) per update, allocation-free.
public struct KeltnerChannels: Indicator, Sendable {
    public let multiplier: Double
    @usableFromInline var ema: EMA
    @usableFromInline var atr: WilderATR
    @usableFromInline var current = ChannelValue.notReady
    @inlinable public var value: ChannelValue { current }

    /// - Throws: ``IndicatorError`` unless `emaPeriod` and `atrPeriod` are in `1...100_000`
    ///   and `multiplier` is finite and ≥ 0.
    public init(emaPeriod: Int = 20, atrPeriod: Int = 10, multiplier: Double = 2) throws(IndicatorError) {
        try IndicatorError.check(emaPeriod, "emaPeriod", of: "Keltner", minimum: 1)
        try IndicatorError.check(atrPeriod, "atrPeriod", of: "Keltner", minimum: 1)
        try IndicatorError.checkNonNegative(multiplier, "multiplier", of: "Keltner")
        self.multiplier = multiplier
        ema = EMA(validPeriod: emaPeriod)
        atr = WilderATR(validPeriod: atrPeriod)
    }

    public var lookback: Int { max(ema.lookback, atr.period) }
    @inlinable public var isReady: Bool { ema.isReady && atr.isReady }

    @inlinable
    public mutating func update(_ bar: HLCV) {
        ema.update(bar.close)
        atr.update(bar)
        guard isReady else { return }
        let middle = ema.value
        let width = multiplier * atr.atr
        current = ChannelValue(upper: middle + width, middle: middle, lower: middle - width)
    }

    public mutating func reset() {
        ema.reset()
        atr.reset()
        current = .notReady
    }
}
