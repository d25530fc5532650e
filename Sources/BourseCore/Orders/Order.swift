public import OrderedCollections

/// An order: its parameters (from ``OrderInitialized``), its status and the values
/// derived from its events. One type for every ``OrderType``; the type decides
/// which optional prices are set.
///
/// Orders are event-sourced: they change only through ``apply(_:)`` (see
/// `Order+StateMachine.swift`), and ``events`` holds every applied event, so
/// replaying them rebuilds the same value.
///
/// ```swift
/// var order = Order(try OrderInitialized(
///     clientOrderID: ClientOrderID("O-1"), strategyID: StrategyID("S-1"), instrumentID: goog.id,
///     side: .buy, type: .limit, quantity: Quantity(parsing: "10"), price: Price(parsing: "101.25"),
///     tsInit: now))
/// try order.apply(.submitted(...))
/// order.leavesQuantity   // 10
/// ```
///
/// Fill prices: the average fill price is exact inside (the sum of price × quantity is
/// kept in 128 bits) and exposed as a ``Price`` at ``averagePricePrecision(forPricePrecision:)``.
public struct Order: Sendable, Hashable {
    /// The parameters the order was created with.
    public let initialized: OrderInitialized

    /// Current status; changes only through ``apply(_:)``.
    public internal(set) var status: OrderStatus
    /// The status before the current pending update or cancel (`nil` when not pending).
    public internal(set) var previousStatus: OrderStatus?
    /// Total quantity, filled part included (changes with ``OrderUpdated``).
    public internal(set) var quantity: Quantity
    /// Current limit price (changes with ``OrderUpdated``).
    public internal(set) var price: Price?
    /// Current trigger price (changes with ``OrderUpdated``).
    public internal(set) var triggerPrice: Price?
    public internal(set) var venueOrderID: VenueOrderID?
    public internal(set) var accountID: AccountID?
    /// The position the order's fills went to, once a fill carried one.
    public internal(set) var positionID: PositionID?
    /// Sum of the fills' quantities.
    public internal(set) var filledQuantity: Quantity
    /// Price of the last fill.
    public internal(set) var lastFillPrice: Price?
    /// Total commission in the currency of the first fill's commission (no allocation for
    /// the usual single currency).
    var firstCurrencyCommission: Money?
    /// Totals in the other currencies, in the order they first appeared.
    var otherCurrencyCommissions: OrderedDictionary<Currency, Money>
    /// The events applied after the ``OrderInitialized`` (which ``initialized`` holds); empty in
    /// an order kept by a book that logs the events itself (see ``applyKeepingNoHistory(_:)``).
    var laterEvents: [OrderEvent]
    /// When the last applied event happened.
    public internal(set) var tsLast: UnixNanos
    /// Trade id of the first applied fill.
    var firstTradeID: TradeID?
    /// Trade ids of the fills after the first, in order (no allocation for single-fill orders).
    var laterTradeIDs: [TradeID]
    /// Number of applied fills.
    public internal(set) var fillCount: Int
    /// Σ fill price raw × fill quantity raw (exact).
    var fillPriceQuantitySum: Int128
    /// Precision of the fill prices (all fills of an order share it).
    var fillPricePrecision: UInt8

    /// A new order in status ``OrderStatus/initialized``.
    public init(_ initialized: OrderInitialized) {
        self.initialized = initialized
        status = .initialized
        previousStatus = nil
        quantity = initialized.quantity
        price = initialized.price
        triggerPrice = initialized.triggerPrice
        venueOrderID = nil
        accountID = nil
        positionID = nil
        filledQuantity = .zero(precision: initialized.quantity.precision)
        lastFillPrice = nil
        firstCurrencyCommission = nil
        otherCurrencyCommissions = [:]
        laterEvents = []
        tsLast = initialized.tsEvent
        firstTradeID = nil
        laterTradeIDs = []
        fillCount = 0
        fillPriceQuantitySum = 0
        fillPricePrecision = initialized.price?.precision ?? 0
    }

    /// Rebuilds an order from its events (the first must be ``OrderEvent/initialized(_:)``).
    public init(replaying events: some Sequence<OrderEvent>) throws(OrderError) {
        var iterator = events.makeIterator()
        guard case .initialized(let first)? = iterator.next() else {
            throw .historyWithoutInitialized
        }
        self.init(first)
        while let event = iterator.next() { try apply(event) }
    }

    public var clientOrderID: ClientOrderID { initialized.clientOrderID }
    public var strategyID: StrategyID { initialized.strategyID }
    public var instrumentID: InstrumentID { initialized.instrumentID }
    public var side: OrderSide { initialized.side }
    public var type: OrderType { initialized.type }
    public var trailingOffset: TrailingOffset? { initialized.trailingOffset }
    public var timeInForce: TimeInForce { initialized.timeInForce }
    public var postOnly: Bool { initialized.postOnly }
    public var reduceOnly: Bool { initialized.reduceOnly }
    public var links: OrderLinks { initialized.links }
    public var contingency: ContingencyType { initialized.links.contingency }
    public var linkedOrderIDs: [ClientOrderID] { initialized.links.linkedOrderIDs }
    public var parentOrderID: ClientOrderID? { initialized.links.parentOrderID }
    public var orderListID: OrderListID? { initialized.links.orderListID }
    /// When the order was created.
    public var tsInit: UnixNanos { initialized.tsInit }
    /// Commissions paid, per currency, in the order they first appeared.
    public var commissions: OrderedDictionary<Currency, Money> {
        guard let first = firstCurrencyCommission else { return [:] }
        var all: OrderedDictionary<Currency, Money> = [first.currency: first]
        for (currency, total) in otherCurrencyCommissions { all[currency] = total }
        return all
    }

    /// Every applied event, the ``OrderInitialized`` first.
    ///
    /// - Complexity: O(events): the array is assembled on each call.
    public var events: [OrderEvent] { [.initialized(initialized)] + laterEvents }

    /// Trade ids of the applied fills, in order.
    public var tradeIDs: [TradeID] {
        guard let firstTradeID else { return [] }
        return [firstTradeID] + laterTradeIDs
    }

    /// The same order with `laterEvents` as its history after the ``OrderInitialized``: for a
    /// book that applied the events with ``applyKeepingNoHistory(_:)`` and logged them itself.
    package func withHistory(_ laterEvents: [OrderEvent]) -> Order {
        var copy = self
        copy.laterEvents = laterEvents
        return copy
    }

    /// Quantity still to fill: `quantity − filledQuantity`.
    public var leavesQuantity: Quantity {
        Quantity(uncheckedRaw: quantity.raw - filledQuantity.raw, precision: quantity.precision)
    }

    /// Whether the order may be working at the venue.
    public var isOpen: Bool { status.isOpen }
    /// Whether the order is done (denied, rejected, canceled, expired or filled).
    public var isClosed: Bool { status.isClosed }

    /// Decimal places of ``averageFillPrice`` for fills at `p` decimals: `min(p + 4, 9)`.
    public static func averagePricePrecision(forPricePrecision p: UInt8) -> UInt8 {
        Price.averagePrecision(forPricePrecision: p)
    }

    /// The quantity-weighted average fill price, rounded half-even at
    /// ``averagePricePrecision(forPricePrecision:)``; `nil` before the first fill.
    public var averageFillPrice: Price? {
        guard fillCount > 0 else { return nil }
        return Price.weightedAverage(
            priceQuantitySum: fillPriceQuantitySum, quantityRaw: filledQuantity.raw, pricePrecision: fillPricePrecision)
    }

    /// The average fill price as a `Double` (for statistics and display).
    public var averageFillPriceDouble: Double? {
        guard fillCount > 0 else { return nil }
        return Double(fillPriceQuantitySum) / Double(filledQuantity.raw) / Double(FixedPoint.scale(fillPricePrecision))
    }
}
