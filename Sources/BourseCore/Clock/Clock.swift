/// The source of the current time for everything below the edge.
///
/// Backtests use ``TestClock`` (time moves only when the runner advances it);
/// live trading uses ``LiveClock``. Code that needs "now" takes a `Clock`, never the
/// wall clock directly, so the same code is deterministic in a backtest.
public protocol Clock {
    /// The current time.
    var now: UnixNanos { get }
}
