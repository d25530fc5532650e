/// Donchian channels (TA-Lib has none): the highest high and lowest low of the last
/// `period` bars (current included); `middle` is their mean. Lookback `period − 1`.
/// - Complexity: amortized O(1) per update, allocation-free.
public struct DonchianChannels: Indicator, Sendable {
    @usableFromInline var range: RollingRange
    @usableFromInline var current = ChannelValue.notReady
    @inlinable public var value: ChannelValue { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `1...100_000`.
    public init(period: Int = 20) throws(IndicatorError) {
        try IndicatorError.check(period, of: "Donchian", minimum: 1)
        range = RollingRange(validPeriod: period)
    }

    public var period: Int { range.period }
    public var lookback: Int { range.period - 1 }
    @inlinable public var isReady: Bool { range.isReady }

    @inlinable
    public mutating func update(_ bar: HLCV) {
        range.update(high: bar.high, low: bar.low)
        guard range.isReady else { return }
        current = ChannelValue(upper: range.high, middle: (range.high + range.low) / 2, lower: range.low)
    }

    public mutating func reset() {
        range.reset()
        current = .notReady
    }
}
