import BourseCore
public import BourseIndicators

/// The type-erased face of a registered indicator: the kernel updates it with each bar of
/// the bar type it was registered on, before the strategy sees that bar.
public class RegisteredIndicator {
    /// Feeds one bar (row `row` of the series' columns, whose close as a `Double` is passed too)
    /// to the indicator passed in (this object). Made by ``StrategyContext`` where the indicator's
    /// type and input are concrete, capturing nothing: the update inside is a direct, specialized
    /// call reading only what it needs, and calling it touches no reference count.
    let feed: Feed

    /// The signature of ``feed``: indicator, bar columns, row, close.
    typealias Feed = (RegisteredIndicator, SeriesBox, Int, Double) -> Void

    init(feed: @escaping Feed) {
        self.feed = feed
    }
}

/// A registered indicator, as the strategy holds it: read ``value`` and ``isReady``; the
/// kernel updates it.
///
/// ```swift
/// let fast = try context.register(SMA(period: 10), on: barType)   // fed with closes
/// if fast.isReady { print(fast.value) }
/// ```
public final class IndicatorRef<I: Indicator>: RegisteredIndicator {
    /// The indicator, updated through the bar it was registered on.
    @exclusivity(unchecked) public internal(set) var indicator: I
    /// The previous value (before the last update): crossovers compare it with ``value``.
    @exclusivity(unchecked) public internal(set) var previousValue: I.Output
    /// How many bars it has seen.
    @exclusivity(unchecked) public internal(set) var count = 0

    /// A reference fed by `feed` (which receives this object).
    init(_ indicator: I, feed: @escaping Feed) {
        self.indicator = indicator
        self.previousValue = indicator.value
        super.init(feed: feed)
    }

    public var value: I.Output { indicator.value }
    public var isReady: Bool { indicator.isReady }
    /// Whether the previous value was ready too (two values to compare).
    public var hasPrevious: Bool { count > indicator.lookback + 1 }

    /// One update: remembers the value before it for ``previousValue``.
    @inline(__always)
    func update(_ input: I.Input) {
        previousValue = indicator.value
        indicator.update(input)
        count += 1
    }
}
