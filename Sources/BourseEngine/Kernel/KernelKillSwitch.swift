import BourseCore
import BourseRisk

/// The kill switch a kernel carries, and what its triggers read between events.
struct KernelKillSwitch {
    var killSwitch: KillSwitch
    /// Start-of-day and peak equity for the daily-loss and drawdown triggers.
    var marks: EquityMarks
    /// When the last market data event was processed (`nil`: none yet).
    var lastMarketData: Int64?
    /// Whether a trigger reads the portfolio or the data (daily loss, drawdown, stale data);
    /// without one, nothing is evaluated per event.
    let evaluatesEvents: Bool
    /// Whether the switch is triggered (kept here so the order path tests one flag).
    private(set) var halted: Bool
    /// Flattening orders sent so far (they are numbered from 1).
    var flatteningCount = 0

    /// A switch with `configuration`, whose stale-data clock starts at `startedAt`, keeping the
    /// state `history` leads to.
    init(_ configuration: KillSwitchConfiguration, startedAt: UnixNanos, startingCashRaw: Int64, history: [KillSwitchEvent] = []) {
        killSwitch = KillSwitch(configuration, startedAt: startedAt, history: history)
        marks = EquityMarks(startingCashRaw: startingCashRaw)
        evaluatesEvents =
            configuration.dailyLoss != nil || configuration.drawdown != nil || configuration.staleMarketDataAfter != nil
        halted = !killSwitch.allowsNewOrders
    }

    /// Re-reads ``halted`` after the switch changed.
    mutating func refresh() { halted = !killSwitch.allowsNewOrders }
}
