import BourseCore

/// The simulated venue's record of one order: what it matches on, in raw units at
/// the instrument's precisions.
struct VenueOrder {
    /// Where the order is in the venue's life.
    enum State: Equatable {
        /// Accepted but waiting for its parent (OTO) to fill before it may work.
        case held
        /// Working (for stops and if-touched orders: not yet triggered).
        case working
        /// A stop or if-touched order whose trigger was hit; now working as a market or limit order.
        case triggered
        /// Done: filled, canceled, expired or rejected.
        case closed(OrderStatus)
    }

    /// The order's parameters (one reference: copying a venue order costs one retain).
    let initialized: OrderInitialized
    let venueOrderID: VenueOrderID
    let book: Int
    let sequence: Int
    var state: State
    var quantityRaw: Int64
    var filledRaw: Int64
    /// Limit price (raw, instrument precision), for the types that have one.
    var priceRaw: Int64?
    /// Trigger price (raw), for stops and if-touched orders.
    var triggerRaw: Int64?
    /// When a GTD or DAY order expires.
    let expiry: UnixNanos?
    /// When an at-the-close order executes (the first session close after it arrived).
    let auctionClose: UnixNanos?
    var tsLast: UnixNanos

    var clientOrderID: ClientOrderID { initialized.clientOrderID }
    var side: OrderSide { initialized.side }
    var type: OrderType { initialized.type }
    var leavesRaw: Int64 { quantityRaw - filledRaw }
    var isOpen: Bool {
        if case .closed = state { false } else { true }
    }
    var isActive: Bool { state == .working || state == .triggered }

    /// Whether the order now behaves as a market order (market, or a triggered stop-market / market-if-touched).
    var actsAsMarket: Bool {
        switch type {
        case .market: true
        case .stopMarket, .marketIfTouched, .trailingStopMarket: state == .triggered
        case .limit, .stopLimit, .limitIfTouched, .trailingStopLimit: false
        }
    }

    /// Whether the order now behaves as a resting limit order.
    var actsAsLimit: Bool {
        switch type {
        case .limit: true
        case .stopLimit, .limitIfTouched, .trailingStopLimit: state == .triggered
        case .market, .stopMarket, .marketIfTouched, .trailingStopMarket: false
        }
    }

    var status: OrderStatus {
        switch state {
        case .held, .working: filledRaw > 0 ? .partiallyFilled : .accepted
        case .triggered: filledRaw > 0 ? .partiallyFilled : .triggered
        case .closed(let status): status
        }
    }
}
