public import BourseCore

/// An order command as the risk engine sees it: what would reach the venue if approved.
///
/// Build it from the order model with ``submit(_:)``, ``modify(_:quantity:price:triggerPrice:at:)``
/// or ``cancel(_:at:)``. For a modify, ``quantity`` is the quantity still to fill after the
/// change (new total − filled) and ``replacedQuantity`` what the order had left to fill
/// before it, so position projections count the order once.
public struct RiskRequest: Sendable, Hashable {
    /// The kind of command.
    public enum Action: String, Sendable, Hashable, Codable {
        case submit
        case modify
        case cancel
    }

    public let action: Action
    public let clientOrderID: ClientOrderID
    public let instrumentID: InstrumentID
    public let side: OrderSide
    public let type: OrderType
    /// The quantity the command may still fill (leaves quantity after a modify).
    public let quantity: Quantity
    /// Limit price, when the order has one.
    public let price: Price?
    /// Trigger price, when the order has one.
    public let triggerPrice: Price?
    /// The order may only reduce the position.
    public let reduceOnly: Bool
    /// The leaves quantity the command replaces (zero for a submit).
    public let replacedQuantity: Quantity
    /// What the order has filled already (zero for a submit).
    public let filledQuantity: Quantity
    /// When the command was issued (the kernel clock's time): drives throttles and sessions.
    public let ts: UnixNanos

    /// A command with every field given; prefer the factories.
    public init(
        action: Action, clientOrderID: ClientOrderID, instrumentID: InstrumentID, side: OrderSide, type: OrderType,
        quantity: Quantity, price: Price? = nil, triggerPrice: Price? = nil, reduceOnly: Bool = false,
        replacedQuantity: Quantity = .zero(precision: 0), filledQuantity: Quantity = .zero(precision: 0),
        ts: UnixNanos
    ) {
        self.action = action
        self.clientOrderID = clientOrderID
        self.instrumentID = instrumentID
        self.side = side
        self.type = type
        self.quantity = quantity
        self.price = price
        self.triggerPrice = triggerPrice
        self.reduceOnly = reduceOnly
        self.replacedQuantity = replacedQuantity
        self.filledQuantity = filledQuantity
        self.ts = ts
    }

    /// Submitting a new order, at its creation time.
    public static func submit(_ order: OrderInitialized) -> RiskRequest {
        RiskRequest(
            action: .submit, clientOrderID: order.clientOrderID, instrumentID: order.instrumentID, side: order.side,
            type: order.type, quantity: order.quantity, price: order.price, triggerPrice: order.triggerPrice,
            reduceOnly: order.reduceOnly, ts: order.tsInit)
    }

    /// Modifying an open order; `nil` keeps the current value.
    /// - Throws: ``RiskRequestError/quantityBelowFilled`` when the new quantity is below what has filled.
    public static func modify(
        _ order: Order, quantity: Quantity? = nil, price: Price? = nil, triggerPrice: Price? = nil, at ts: UnixNanos
    ) throws(RiskRequestError) -> RiskRequest {
        let total = quantity ?? order.quantity
        guard let leaves = try? total - order.filledQuantity, leaves.raw > 0 else {
            throw .quantityBelowFilled(order.clientOrderID, quantity: total, filled: order.filledQuantity)
        }
        return RiskRequest(
            action: .modify, clientOrderID: order.clientOrderID, instrumentID: order.instrumentID, side: order.side,
            type: order.type, quantity: leaves, price: price ?? order.price,
            triggerPrice: triggerPrice ?? order.triggerPrice, reduceOnly: order.reduceOnly,
            replacedQuantity: order.leavesQuantity, filledQuantity: order.filledQuantity, ts: ts)
    }

    /// Canceling an open order (always approved; it still counts towards the message rate).
    public static func cancel(_ order: Order, at ts: UnixNanos) -> RiskRequest {
        RiskRequest(
            action: .cancel, clientOrderID: order.clientOrderID, instrumentID: order.instrumentID, side: order.side,
            type: order.type, quantity: order.leavesQuantity, price: order.price, triggerPrice: order.triggerPrice,
            reduceOnly: order.reduceOnly, replacedQuantity: order.leavesQuantity,
            filledQuantity: order.filledQuantity, ts: ts)
    }
}

/// Why a ``RiskRequest`` cannot be built.
public enum RiskRequestError: Error, Sendable, Hashable, CustomStringConvertible {
    case quantityBelowFilled(ClientOrderID, quantity: Quantity, filled: Quantity)

    public var description: String {
        switch self {
        case .quantityBelowFilled(let id, let quantity, let filled):
            "order \(id.value): new quantity \(quantity) is not above the filled quantity \(filled)"
        }
    }
}
