/// Moving average convergence/divergence (TA-Lib `MACD`, default 12/26/9).
///
/// `macd = EMA(fast) − EMA(slow)`, `signal = EMA(macd, signalPeriod)`,
/// `histogram = macd − signal`. As in TA-Lib, both EMAs produce their first value on
/// the same bar: the fast EMA is seeded on the `fast` prices that end where the slow
/// seed ends (it starts `slow − fast` bars later). A fast period above the slow one is
/// swapped. Lookback `(slow − 1) + (signal − 1)`.
/// - Complexity: O(1) per update, allocation-free.
public struct MACD: Indicator, Sendable {
    /// The three MACD lines.
    public struct Value: Sendable, Hashable {
        public var macd: Double
        public var signal: Double
        public var histogram: Double

        @usableFromInline
        init(macd: Double, signal: Double, histogram: Double) {
            self.macd = macd
            self.signal = signal
            self.histogram = histogram
        }
    }

    public let fastPeriod: Int
    public let slowPeriod: Int
    public let signalPeriod: Int
    @usableFromInline var fast: EMA
    @usableFromInline var slow: EMA
    @usableFromInline var signal: EMA
    @usableFromInline var count = 0
    @usableFromInline var current = Value(macd: .nan, signal: .nan, histogram: .nan)
    @inlinable public var value: Value { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless the fast
    ///   and slow periods are in `2...100_000` and the signal period in `1...100_000`.
    public init(fastPeriod: Int = 12, slowPeriod: Int = 26, signalPeriod: Int = 9) throws(IndicatorError) {
        try IndicatorError.check(fastPeriod, "fastPeriod", of: "MACD")
        try IndicatorError.check(slowPeriod, "slowPeriod", of: "MACD")
        try IndicatorError.check(signalPeriod, "signalPeriod", of: "MACD", minimum: 1)
        self.fastPeriod = min(fastPeriod, slowPeriod)
        self.slowPeriod = max(fastPeriod, slowPeriod)
        self.signalPeriod = signalPeriod
        fast = EMA(validPeriod: self.fastPeriod)
        slow = EMA(validPeriod: self.slowPeriod)
        signal = EMA(validPeriod: signalPeriod)
    }

    public var lookback: Int { (slowPeriod - 1) + (signalPeriod - 1) }
    @inlinable public var isReady: Bool { signal.isReady }

    @inlinable
    public mutating func update(_ x: Double) {
        count += 1
        if count > slowPeriod - fastPeriod { fast.update(x) }
        slow.update(x)
        guard slow.isReady else { return }
        let line = fast.value - slow.value
        signal.update(line)
        if signal.isReady {
            current = Value(macd: line, signal: signal.value, histogram: line - signal.value)
        }
    }

    public mutating func reset() {
        fast.reset()
        slow.reset()
        signal.reset()
        count = 0
        current = Value(macd: .nan, signal: .nan, histogram: .nan)
    }
}
