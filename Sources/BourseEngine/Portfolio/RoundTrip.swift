public import BourseCore

/// A round-trip trade: a position from leaving flat to going flat again (or flipping side).
///
/// Entry and exit prices are quantity-weighted averages of the opening and closing fills;
/// P&L is the position's realized P&L over the trip, net of every commission paid during it
/// (a fill that flips the position charges its whole commission to the trip it closes).
/// Return is P&L over the entry notional. MAE/MFE are the worst and best unrealized P&L
/// seen at bar highs and lows while the trip was open and at its closing fills.
public struct RoundTrip: Sendable, Hashable, Codable {
    public let instrumentID: InstrumentID
    public let side: PositionSide
    /// Largest open quantity during the trip.
    public let quantity: Double
    public let entryTime: UnixNanos
    public let entryPrice: Double
    /// `nil` while open.
    public let exitTime: UnixNanos?
    public let exitPrice: Double?
    /// Net P&L (realized for a closed trip; realized + unrealized at the last mark for an open one).
    public let pnl: Money
    public let returnFraction: Double
    /// Maximum adverse excursion (≤ 0) and maximum favorable excursion (≥ 0), in money.
    public let mae: Double
    public let mfe: Double

    public var isOpen: Bool { exitTime == nil }
    /// Exit − entry time (`nil` while open).
    public var duration: Nanoseconds? { exitTime.map { Nanoseconds($0.rawValue - entryTime.rawValue) } }
}
