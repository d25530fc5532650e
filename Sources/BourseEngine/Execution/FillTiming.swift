public import BourseExecution

/// When the simulated venue fills a market order submitted on a bar.
public enum FillTiming: String, Sendable, Hashable, Codable, CaseIterable {
    /// At the open of the instrument's next bar (no look-ahead: the signal bar's close is
    /// already in the past). The default, and backtesting.py's convention.
    case nextBarOpen = "next-open"
    /// At the close of the bar the strategy is looking at ("trade on close"; optimistic).
    case currentBarClose = "close"

    /// The venue setting that implements this timing.
    public var barExecution: BarExecution {
        switch self {
        case .nextBarOpen: .nextBarOpen
        case .currentBarClose: .onClose
        }
    }
}
