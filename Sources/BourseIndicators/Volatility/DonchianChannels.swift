/// Donchian channels (TA-Lib has none): the highest high and lowest low of the last
/// `period` bars (current included); `middle` is their mean. Lookback `period − 1`.
/// - Complexity: amortized O(1) per update, allocation-free.
public struct DonchianChannels: Indicator, Sendable {
    public let period: Int
    @usableFromInline var highest: RollingExtreme
    @usableFromInline var lowest: RollingExtreme
    @usableFromInline var count = 0
    @usableFromInline var current = ChannelValue.notReady
    @inlinable public var value: ChannelValue { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `1...100_000`.
    public init(period: Int = 20) throws(IndicatorError) {
        try IndicatorError.check(period, of: "Donchian", minimum: 1)
        self.period = period
        highest = RollingExtreme(window: period, maximum: true)
        lowest = RollingExtreme(window: period, maximum: false)
    }

    public var lookback: Int { period - 1 }
    @inlinable public var isReady: Bool { count >= period }

    @inlinable
    public mutating func update(_ bar: HLCV) {
        highest.push(bar.high)
        lowest.push(bar.low)
        if count < period { count += 1 }
        guard count >= period else { return }
        let upper = highest.extreme
        let lower = lowest.extreme
        current = ChannelValue(upper: upper, middle: (upper + lower) / 2, lower: lower)
    }

    public mutating func reset() {
        highest.removeAll()
        lowest.removeAll()
        count = 0
        current = .notReady
    }
}
