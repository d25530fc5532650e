import BourseCore

/// A command on its way to the simulated venue (delayed by the latency model).
enum VenueCommand {
    case submit(SubmitOrder)
    case submitList(SubmitOrderList)
    case modify(ModifyOrder)
    case cancel(CancelOrder)
    case cancelAll(CancelAllOrders)
}

/// Where a market price comes from, which decides at what price a reached order fills.
enum PointKind {
    /// The current market when an order arrives: marketable orders take it (taker).
    case arrival
    /// A bar's open, a gap from the previous price: everything reached fills at the open.
    case open
    /// A point of a bar's intrabar path reached continuously: orders fill at their own level.
    case path
    /// A quote or trade tick: resting limits fill at their limit, stops at the tick's price.
    case tick
    /// The closing auction of a session (a bar's close): at-the-close orders execute at the close.
    case closeAuction
}
