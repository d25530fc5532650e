/// Simple moving average (TA-Lib `SMA`): the mean of the last `period` values.
///
/// The rolling mean of the statistics set. Lookback `period − 1`; the running sum is
/// updated in TA-Lib's order (add the newest, divide, subtract the oldest), so values
/// match TA-Lib's to the last bit.
/// - Complexity: O(1) per update, allocation-free.
public struct SMA: Indicator, Sendable {
    public let period: Int
    @usableFromInline var window: RingBuffer
    @usableFromInline var sum = 0.0
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `1...100_000`.
    public init(period: Int) throws(IndicatorError) {
        try IndicatorError.check(period, of: "SMA", minimum: 1)
        self.period = period
        window = RingBuffer(capacity: period)
    }

    public var lookback: Int { period - 1 }
    @inlinable public var isReady: Bool { window.isFull }

    @inlinable @inline(__always)
    public mutating func update(_ x: Double) {
        window.push(x)
        sum += x
        if window.isFull {
            current = sum / Double(period)
            sum -= window.oldest
        }
    }

    /// TA-Lib's loop: the value leaving the window is read from the input, not from a
    /// ring buffer; the same additions, divisions and subtractions as ``update(_:)``.
    @inlinable
    public func batch(into output: UnsafeMutableBufferPointer<Double>, input: (Int) -> Double) {
        let lookback = period - 1
        let warmUp = min(lookback, output.count)
        var sum = 0.0
        for i in 0..<warmUp {
            sum += input(i)
            output.initializeElement(at: i, to: .nan)
        }
        let p = Double(period)
        for i in warmUp..<output.count {
            sum += input(i)
            output.initializeElement(at: i, to: sum / p)
            sum -= input(i - lookback)
        }
    }

    public mutating func reset() {
        window.removeAll()
        sum = 0
        current = .nan
    }
}
