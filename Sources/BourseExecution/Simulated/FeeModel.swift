public import BourseCore

/// What a ``FeeModel`` is asked: one execution of an order.
public struct FeeParameters: Sendable {
    /// The instrument (shared, not copied per execution).
    public var instrument: Instrument { shared.instrument }
    let shared: SharedInstrument
    public let side: OrderSide
    public let liquiditySide: LiquiditySide
    public let quantity: Quantity
    public let price: Price
    /// `price × quantity × multiplier` in the quote currency.
    public let notional: Money
    /// Quantity of the order filled before this execution (zero for its first fill).
    public let filledBefore: Quantity

    public init(
        instrument: Instrument, side: OrderSide, liquiditySide: LiquiditySide, quantity: Quantity, price: Price,
        notional: Money, filledBefore: Quantity
    ) {
        self.init(
            shared: SharedInstrument(instrument), side: side, liquiditySide: liquiditySide, quantity: quantity, price: price,
            notional: notional, filledBefore: filledBefore)
    }

    /// The parameters of an execution in an instrument the venue already shares.
    init(
        shared: SharedInstrument, side: OrderSide, liquiditySide: LiquiditySide, quantity: Quantity, price: Price,
        notional: Money, filledBefore: Quantity
    ) {
        self.shared = shared
        self.side = side
        self.liquiditySide = liquiditySide
        self.quantity = quantity
        self.price = price
        self.notional = notional
        self.filledBefore = filledBefore
    }
}

/// The commission of each execution. Exact fixed-point money; throws only on overflow.
public protocol FeeModel {
    func commission(_ parameters: FeeParameters) throws(FixedPointError) -> Money
}
