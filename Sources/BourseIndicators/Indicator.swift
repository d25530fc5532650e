public import BourseCore

/// A streaming technical indicator: a value type updated one observation at a time.
///
/// Every conforming type is a struct whose ``update(_:)`` costs O(1) time (two
/// documented exceptions, ``CCI`` and ``LinearRegressionSlope``, are O(period) like
/// TA-Lib's own algorithms) and never allocates: its buffers are allocated once, in
/// `init`.
///
/// ```swift
/// var rsi = try RSI(period: 14)
/// for bar in bars {
///     rsi.update(bar)                 // uses the close
///     if rsi.isReady, rsi.value > 70 { /* overbought */ }
/// }
/// ```
///
/// Warm-up follows TA-Lib exactly: ``isReady`` turns true on the update with index
/// ``lookback`` (0-based), which is TA-Lib's first output index, and the value there
/// is TA-Lib's first value. Before that, ``value`` holds NaN components.
///
/// Non-finite inputs (NaN, ±infinity) are not rejected: they propagate through the
/// arithmetic as IEEE 754 says, and indicators built on running sums stay NaN until
/// ``reset()``. Validate data upstream; an indicator never traps on any input.
public protocol Indicator {
    /// One observation: `Double` (a price), ``HLCV`` (a bar's high, low, close,
    /// volume), ``Pair`` (two series) or an indicator-specific sample.
    associatedtype Input
    /// The current value(s): `Double`, or a struct for multi-output indicators.
    associatedtype Output

    /// The number of updates consumed before the first value (TA-Lib's lookback).
    var lookback: Int { get }
    /// Whether ``value`` holds a valid value (after `lookback + 1` updates).
    var isReady: Bool { get }
    /// The latest value; NaN components until ``isReady``.
    var value: Output { get }
    /// Feeds one observation. - Complexity: O(1), allocation-free.
    mutating func update(_ input: Input)
    /// Returns to the freshly initialized state (same parameters, no allocation).
    mutating func reset()
    /// Writes into `output[i]` the value after feeding `input(i)`, for each index of
    /// `output` (which may be uninitialized), from a reset copy: this indicator is
    /// unchanged. The engine of every batch API and the way to fill a preallocated buffer.
    ///
    /// The default streams through ``update(_:)``; an indicator may bring a faster loop
    /// that gives the same bits (the contract tests check streaming == batch).
    /// - Complexity: O(`output.count`) for O(1) indicators, allocation-free.
    func batch(into output: UnsafeMutableBufferPointer<Output>, input: (Int) -> Input)
}

/// A bar's high, low, close and volume as `Double`s: the input of bar indicators.
public struct HLCV: Sendable, Hashable {
    public var high: Double
    public var low: Double
    public var close: Double
    public var volume: Double

    @inlinable
    public init(high: Double, low: Double, close: Double, volume: Double = 0) {
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
    }

    /// The bar's high, low, close and volume converted with `doubleValue`.
    @inlinable
    public init(_ bar: Bar) {
        self.init(
            high: bar.high.doubleValue, low: bar.low.doubleValue, close: bar.close.doubleValue,
            volume: bar.volume.doubleValue)
    }

    /// `(high + low + close) / 3`, TA-Lib's typical price.
    @inlinable
    public var typicalPrice: Double { (high + low + close) / 3.0 }
}

/// One observation of two aligned series (for ``Correlation``, ``Beta``, ``RollingBeta``).
public struct Pair: Sendable, Hashable {
    public var x: Double
    public var y: Double

    @inlinable
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

extension Indicator where Input == Double {
    /// Feeds the bar's close.
    @inlinable
    public mutating func update(_ bar: Bar) { update(bar.close.doubleValue) }
}

extension Indicator where Input == HLCV {
    /// Feeds the bar's high, low, close and volume.
    @inlinable
    public mutating func update(_ bar: Bar) { update(HLCV(bar)) }

    /// Feeds one (high, low, close, volume) observation.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double, volume: Double = 0) {
        update(HLCV(high: high, low: low, close: close, volume: volume))
    }
}

extension Indicator where Input == Pair {
    /// Feeds one observation of each series.
    @inlinable
    public mutating func update(x: Double, y: Double) { update(Pair(x: x, y: y)) }
}
