public import BourseCore

/// What a ``FillModel`` is asked: one prospective execution.
public struct FillParameters: Sendable {
    /// The instrument (shared, not copied per execution).
    public var instrument: Instrument { shared.instrument }
    let shared: SharedInstrument
    public let side: OrderSide
    public let orderType: OrderType
    /// Whether the order takes liquidity (market-like) or rests (limit-like).
    public let liquiditySide: LiquiditySide
    /// The price the matching engine found (before slippage).
    public let price: Price
    /// The quantity the order still wants.
    public let quantity: Quantity
    /// The volume of the bar (or trade) being matched; `nil` for quotes.
    public let volume: Quantity?
    /// What is left of the volume the model already granted in this bar (or trade); `nil` for quotes.
    public let remainingVolume: Quantity?

    public init(
        instrument: Instrument, side: OrderSide, orderType: OrderType, liquiditySide: LiquiditySide, price: Price,
        quantity: Quantity, volume: Quantity?, remainingVolume: Quantity?
    ) {
        self.init(
            shared: SharedInstrument(instrument), side: side, orderType: orderType, liquiditySide: liquiditySide, price: price,
            quantity: quantity, volume: volume, remainingVolume: remainingVolume)
    }

    /// The parameters of an execution in an instrument the venue already shares.
    init(
        shared: SharedInstrument, side: OrderSide, orderType: OrderType, liquiditySide: LiquiditySide, price: Price,
        quantity: Quantity, volume: Quantity?, remainingVolume: Quantity?
    ) {
        self.shared = shared
        self.side = side
        self.orderType = orderType
        self.liquiditySide = liquiditySide
        self.price = price
        self.quantity = quantity
        self.volume = volume
        self.remainingVolume = remainingVolume
    }
}

/// A ``FillModel``'s answer: how much fills and at what price (zero quantity: nothing now).
public struct FillDecision: Sendable, Hashable {
    public let price: Price
    public let quantity: Quantity

    public init(price: Price, quantity: Quantity) {
        self.price = price
        self.quantity = quantity
    }
}

/// Decides the price and size of each execution the matching engine finds: slippage,
/// volume participation. One parameter value in, so the signature can grow.
/// Used through generics by ``SimulatedVenue`` (no existential on the hot path).
public protocol FillModel {
    /// The execution; its quantity must not exceed `parameters.quantity` (nor the
    /// remaining volume when the model limits participation), its price must be on
    /// the instrument's tick grid.
    func fill(_ parameters: FillParameters) -> FillDecision

    /// How much of a bar's (or trade's) `volume` the simulation may take in total, on the
    /// instrument's lot grid; `nil` when fills are not limited by volume.
    func grantedVolume(of volume: Quantity, instrument: Instrument) -> Quantity?
}
