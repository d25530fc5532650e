import BourseCore

/// The latest close of each bar type of a basket, and whether every one of them has a bar at
/// the same time: multi-instrument strategies decide once a timestamp's cross-section is
/// complete, i.e. on the bar of the last instrument (in data order) that closes at that time.
///
/// A timestamp at which some instrument has no bar (a holiday of one market, a listing gap)
/// never completes, and the strategy does not act on it.
struct CrossSection {
    let barTypes: [BarType]
    /// The latest close of each bar type (NaN before its first bar).
    private(set) var closes: [Double]
    private var times: [Int64]

    init(_ barTypes: [BarType]) {
        self.barTypes = barTypes
        closes = Array(repeating: .nan, count: barTypes.count)
        times = Array(repeating: .min, count: barTypes.count)
    }

    /// Records `bar` (ignored when it is not of the basket); `true` when every bar type now
    /// has a bar at `bar`'s time, so this bar completes the cross-section.
    mutating func record(_ bar: Bar) -> Bool {
        guard let i = barTypes.firstIndex(of: bar.barType) else { return false }
        closes[i] = bar.close.doubleValue
        times[i] = bar.tsEvent.rawValue
        return times.allSatisfy { $0 == bar.tsEvent.rawValue }
    }
}
