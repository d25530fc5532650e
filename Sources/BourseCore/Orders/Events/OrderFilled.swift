/// One execution of (part of) an order at the venue.
///
/// The input of ``Order/apply(_:)``, ``Position/apply(fill:)`` and
/// ``Account/apply(fill:instrument:)``. `lastQuantity` and `lastPrice` are this
/// execution's size and price, at the instrument's size and price precision.
public struct OrderFilled: OrderEventFields, Hashable {
    public let header: OrderEventHeader
    public let accountID: AccountID
    public let venueOrderID: VenueOrderID
    /// The venue's id of this execution; an order applies each trade id once.
    public let tradeID: TradeID
    /// The position the fill belongs to: the venue's, or the one the OMS assigned
    /// (see ``PositionMode``); `nil` until assigned.
    public private(set) var positionID: PositionID?
    public let side: OrderSide
    public let orderType: OrderType
    public let lastQuantity: Quantity
    public let lastPrice: Price
    /// The fee of this execution, in whatever currency the venue charges it.
    public let commission: Money
    public let liquiditySide: LiquiditySide

    /// A fill; throws ``OrderError/nonPositiveQuantity`` for an empty execution.
    public init(
        clientOrderID: ClientOrderID,
        strategyID: StrategyID,
        instrumentID: InstrumentID,
        accountID: AccountID,
        venueOrderID: VenueOrderID,
        tradeID: TradeID,
        positionID: PositionID? = nil,
        side: OrderSide,
        orderType: OrderType,
        lastQuantity: Quantity,
        lastPrice: Price,
        commission: Money,
        liquiditySide: LiquiditySide,
        tsEvent: UnixNanos,
        tsInit: UnixNanos? = nil
    ) throws(OrderError) {
        guard lastQuantity.raw > 0 else { throw .nonPositiveQuantity }
        header = OrderEventHeader(
            clientOrderID: clientOrderID, strategyID: strategyID, instrumentID: instrumentID, tsEvent: tsEvent, tsInit: tsInit)
        self.accountID = accountID
        self.venueOrderID = venueOrderID
        self.tradeID = tradeID
        self.positionID = positionID
        self.side = side
        self.orderType = orderType
        self.lastQuantity = lastQuantity
        self.lastPrice = lastPrice
        self.commission = commission
        self.liquiditySide = liquiditySide
    }

    /// The same fill assigned to a position (the OMS does this in netting and hedging modes).
    public func assigned(to positionID: PositionID) -> OrderFilled {
        var copy = self
        copy.positionID = positionID
        return copy
    }
}
