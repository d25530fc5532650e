/// On-balance volume (TA-Lib `OBV`): starts at the first bar's volume, then adds the
/// volume on an up close and subtracts it on a down close. Lookback 0.
/// - Complexity: O(1) per update, allocation-free.
public struct OBV: Indicator, Sendable {
    @usableFromInline var previousClose = 0.0
    @usableFromInline var started = false
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    public init() {}

    public var lookback: Int { 0 }
    @inlinable public var isReady: Bool { started }

    @inlinable
    public mutating func update(_ bar: HLCV) {
        if !started {
            started = true
            current = bar.volume
        } else if bar.close > previousClose {
            current += bar.volume
        } else if bar.close < previousClose {
            current -= bar.volume
        }
        previousClose = bar.close
    }

    public mutating func reset() {
        previousClose = 0
        started = false
        current = .nan
    }
}
