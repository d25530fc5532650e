/// Chaikin accumulation/distribution line (TA-Lib `AD`): the running sum of
/// `((close − low) − (high − close)) / (high − low) · volume`, bars with `high ≤ low`
/// adding nothing. Lookback 0.
/// - Complexity: O(1) per update, allocation-free.
public struct AccumulationDistribution: Indicator, Sendable {
    @usableFromInline var total = 0.0
    @usableFromInline var started = false

    public init() {}

    public var lookback: Int { 0 }
    @inlinable public var isReady: Bool { started }
    @inlinable public var value: Double { started ? total : .nan }

    @inlinable
    public mutating func update(_ bar: HLCV) {
        started = true
        let range = bar.high - bar.low
        if range > 0.0 {
            total += (((bar.close - bar.low) - (bar.high - bar.close)) / range) * bar.volume
        }
    }

    public mutating func reset() {
        total = 0
        started = false
    }
}
