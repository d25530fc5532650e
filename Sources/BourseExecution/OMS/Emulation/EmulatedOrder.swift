import BourseCore

/// An order the ``OrderEmulator`` is responsible for: one whose type the venue lacks, or a
/// member of a contingent list the venue cannot link itself.
struct EmulatedOrder {
    /// Where the order is.
    enum Stage: Equatable {
        /// A contingent child waiting for its parent's first fill (still `initialized`).
        case waitingForParent
        /// Held by the emulator and acknowledged with its own venue order id, watching the market
        /// for its trigger.
        case held(VenueOrderID)
        /// At the venue. `released` when the emulator sent it as a market or limit order after
        /// its trigger (the venue's acknowledgements of it are then not passed on).
        case atVenue(released: Bool)
        /// Filled, canceled, expired or rejected.
        case closed
    }

    /// The order as the strategy submitted it (original type and links).
    let order: OrderInitialized
    var stage: Stage
    /// The current quantity (after modifications and contingent resizing).
    var quantity: Quantity
    var filled: Quantity
    var price: Price?
    var triggerPrice: Price?
    /// The venue's acknowledgements of a released order are still to be swallowed.
    var awaitingReleaseAcknowledgement = false

    init(_ order: OrderInitialized, stage: Stage) {
        self.order = order
        self.stage = stage
        quantity = order.quantity
        filled = .zero(precision: order.quantity.precision)
        price = order.price
        triggerPrice = order.triggerPrice
    }

    var clientOrderID: ClientOrderID { order.clientOrderID }
    var isClosed: Bool { stage == .closed }
    /// Still in the emulator's hands (not at the venue, not closed).
    var isLocal: Bool {
        switch stage {
        case .waitingForParent, .held: true
        case .atVenue, .closed: false
        }
    }
    var heldVenueOrderID: VenueOrderID? {
        if case .held(let id) = stage { id } else { nil }
    }
    var leaves: Quantity { Quantity(uncheckedRaw: max(0, quantity.raw - filled.raw), precision: quantity.precision) }
}
