/// The start-of-day and peak equity of a kernel's portfolio, folded from its equity curve as
/// it grows (amortised O(1) per bar, no allocation): what the daily-loss and drawdown limits
/// of the risk engine and of the kill switch measure from.
///
/// - start-of-day equity: the equity curve's last point before the current UTC day (the
///   starting cash on the first day);
/// - peak equity: the highest of the starting cash, every equity-curve point so far and the
///   equity now.
struct EquityMarks {
    private(set) var peakRaw: Int64
    private(set) var startOfDayRaw: Int64
    /// How many equity-curve points have been folded in.
    private var curveCursor = 0
    /// The day of the last curve point scanned, and its equity.
    private var lastDay: Int64?
    private var lastPointRaw: Int64

    init(startingCashRaw: Int64) {
        peakRaw = startingCashRaw
        startOfDayRaw = startingCashRaw
        lastPointRaw = startingCashRaw
    }

    /// Starts again from the equity now, on day `today`: it becomes the peak and the start-of-day
    /// equity (the curve so far is no longer read).
    mutating func rebase(_ portfolio: Portfolio, today: Int64) {
        let equity = portfolio.equityRaw
        (peakRaw, startOfDayRaw, lastPointRaw, lastDay) = (equity, equity, equity, today)
        curveCursor = portfolio.curve.count + 1
    }

    /// Folds the curve points recorded since the last call and the equity now, on day `today`
    /// (``Portfolio/day(of:)``).
    mutating func update(_ portfolio: Portfolio, today: Int64) {
        let curve = portfolio.curve
        // The last point may be replaced while its time repeats: scan it again.
        var i = max(0, curveCursor - 1)
        while i < curve.count {
            let day = Portfolio.day(of: curve.time(i))
            if let lastDay, day != lastDay { startOfDayRaw = lastPointRaw }
            lastDay = day
            lastPointRaw = curve.equity(i)
            peakRaw = max(peakRaw, lastPointRaw)
            i += 1
        }
        curveCursor = curve.count
        if let lastDay, lastDay < today { startOfDayRaw = lastPointRaw }
        peakRaw = max(peakRaw, portfolio.equityRaw)
    }
}
