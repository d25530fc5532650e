public import BourseCore
public import BourseIndicators

/// The type-erased face of a registered indicator: the kernel updates it with each bar of
/// the bar type it was registered on, before the strategy sees that bar.
public class RegisteredIndicator {
    /// Feeds one bar.
    func update(_ bar: Bar) {}
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
    @exclusivity(unchecked) public private(set) var indicator: I
    /// The previous value (before the last update): crossovers compare it with ``value``.
    @exclusivity(unchecked) public private(set) var previousValue: I.Output
    /// How many bars it has seen.
    @exclusivity(unchecked) public private(set) var count = 0
    private let input: (Bar) -> I.Input

    init(_ indicator: I, input: @escaping (Bar) -> I.Input) {
        self.indicator = indicator
        self.previousValue = indicator.value
        self.input = input
    }

    public var value: I.Output { indicator.value }
    public var isReady: Bool { indicator.isReady }
    /// Whether the previous value was ready too (two values to compare).
    public var hasPrevious: Bool { count > indicator.lookback + 1 }

    override func update(_ bar: Bar) {
        previousValue = indicator.value
        indicator.update(input(bar))
        count += 1
    }
}
