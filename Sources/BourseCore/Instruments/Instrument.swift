/// A tradable instrument and the venue's rules for it: tick and lot size,
/// quantity bounds, minimum notional, contract multiplier and default fees.
///
/// ```swift
/// let goog = try Instrument.equity("GOOG.NASDAQ", currency: .USD)
/// try goog.notional(quantity: Quantity(parsing: "10"), price: Price(parsing: "101.25"))  // 1012.50 USD
/// ```
public struct Instrument: Sendable, Hashable, Codable {
    public let id: InstrumentID
    public let assetClass: AssetClass
    /// The traded asset's currency for FX and crypto (`EUR` in EUR/USD); `nil` for equities and futures.
    public let baseCurrency: Currency?
    /// The currency prices, notional and P&L are in.
    public let quoteCurrency: Currency
    /// Smallest price increment; its precision is the instrument's price precision.
    public let tickSize: Price
    /// Smallest quantity increment; its precision is the instrument's size precision.
    public let lotSize: Quantity
    public let minQuantity: Quantity?
    public let maxQuantity: Quantity?
    /// Smallest accepted order value (price × quantity × multiplier).
    public let minNotional: Money?
    /// Contract multiplier (1 for spot; e.g. 125000 for the CME Euro FX future).
    public let multiplier: Quantity
    /// Default fee rates as fractions of notional.
    public let makerFee: Rate
    public let takerFee: Rate
    /// Last trading time, for futures.
    public let expiry: UnixNanos?
    /// Free-form tags (sector, industry) for grouping and concentration limits.
    public let tags: [String]

    /// A validated instrument; throws ``InstrumentError`` when the rules contradict each other.
    public init(
        id: InstrumentID,
        assetClass: AssetClass,
        baseCurrency: Currency? = nil,
        quoteCurrency: Currency,
        tickSize: Price,
        lotSize: Quantity,
        minQuantity: Quantity? = nil,
        maxQuantity: Quantity? = nil,
        minNotional: Money? = nil,
        multiplier: Quantity? = nil,
        makerFee: Rate = .zero(precision: 0),
        takerFee: Rate = .zero(precision: 0),
        expiry: UnixNanos? = nil,
        tags: [String] = []
    ) throws(InstrumentError) {
        guard tickSize.raw > 0 else { throw .invalid(id, "tick size \(tickSize) must be positive") }
        guard lotSize.raw > 0 else { throw .invalid(id, "lot size \(lotSize) must be positive") }
        if let minQuantity, let maxQuantity, minQuantity > maxQuantity {
            throw .invalid(id, "min quantity \(minQuantity) exceeds max quantity \(maxQuantity)")
        }
        if let minNotional, minNotional.currency != quoteCurrency {
            throw .invalid(id, "min notional \(minNotional) is not in the quote currency \(quoteCurrency)")
        }
        let multiplier = multiplier ?? Quantity(uncheckedRaw: 1, precision: 0)
        guard multiplier.raw > 0 else { throw .invalid(id, "multiplier \(multiplier) must be positive") }
        if assetClass == .future && expiry == nil { throw .invalid(id, "a future needs an expiry") }
        self.id = id
        self.assetClass = assetClass
        self.baseCurrency = baseCurrency
        self.quoteCurrency = quoteCurrency
        self.tickSize = tickSize
        self.lotSize = lotSize
        self.minQuantity = minQuantity
        self.maxQuantity = maxQuantity
        self.minNotional = minNotional
        self.multiplier = multiplier
        self.makerFee = makerFee
        self.takerFee = takerFee
        self.expiry = expiry
        self.tags = tags
    }

    /// Decimal places of prices.
    public var pricePrecision: UInt8 { tickSize.precision }
    /// Decimal places of quantities.
    public var sizePrecision: UInt8 { lotSize.precision }

    /// `price × quantity × multiplier` in the quote currency, rounded half-even to its precision. Exact.
    ///
    /// - Complexity: O(1), 128-bit intermediate, no allocation.
    public func notional(quantity: Quantity, price: Price) throws(FixedPointError) -> Money {
        let product = Int128(price.raw) * Int128(quantity.raw) * Int128(multiplier.raw)
        let scale = Int(price.precision) + Int(quantity.precision) + Int(multiplier.precision)
        let target = Int(quoteCurrency.precision)
        let value: Int64
        if scale >= target {
            value = try FixedPoint.divide(product, by: Self.power(scale - target), rule: .halfEven)
        } else {
            let widened = product * Self.power(target - scale)
            guard let narrow = Int64(exactly: widened) else { throw .overflow(operation: "notional") }
            value = narrow
        }
        return Money(uncheckedRaw: value, currency: quoteCurrency)
    }

    /// A price from text or a `Double`, made exact at this instrument's precision.
    public func makePrice(_ value: Double, rule: RoundingRule = .halfEven) throws(FixedPointError) -> Price {
        try Price(value, precision: 9).rescaled(to: pricePrecision, rule: rule).rounded(toMultipleOf: tickSize, rule)
    }

    /// A quantity at this instrument's size precision, rounded down to the lot size.
    public func makeQuantity(_ value: Double) throws(FixedPointError) -> Quantity {
        try Quantity(value, precision: 9).rescaled(to: sizePrecision, rule: .down).rounded(toMultipleOf: lotSize, .down)
    }

    /// Applies the venue's filters to an order's quantity and (when it has one) price:
    /// precision, tick size, lot size, quantity bounds and minimum notional.
    /// Throws ``InstrumentFilterError`` naming the rule and values that failed.
    public func validate(quantity: Quantity, price: Price?) throws(InstrumentFilterError) {
        guard quantity.raw > 0 else { throw .init(id, "quantity must be positive") }
        guard quantity.precision <= sizePrecision else {
            throw .init(id, "quantity \(quantity) has more than \(sizePrecision) decimals")
        }
        guard quantity.isMultiple(of: lotSize) else {
            throw .init(id, "quantity \(quantity) is not a multiple of the lot size \(lotSize)")
        }
        if let minQuantity, quantity < minQuantity {
            throw .init(id, "quantity \(quantity) is below the minimum \(minQuantity)")
        }
        if let maxQuantity, quantity > maxQuantity {
            throw .init(id, "quantity \(quantity) is above the maximum \(maxQuantity)")
        }
        guard let price else { return }
        guard price.precision <= pricePrecision else {
            throw .init(id, "price \(price) has more than \(pricePrecision) decimals")
        }
        guard price.isMultiple(of: tickSize) else {
            throw .init(id, "price \(price) is not a multiple of the tick size \(tickSize)")
        }
        if let minNotional {
            guard let notional = try? self.notional(quantity: quantity, price: price) else {
                throw .init(id, "notional of \(quantity) at \(price) overflows")
            }
            if notional.raw.magnitude < minNotional.raw.magnitude {
                throw .init(id, "notional \(notional) is below the minimum \(minNotional)")
            }
        }
    }

    private static func power(_ exponent: Int) -> Int128 {
        (0..<exponent).reduce(Int128(1)) { acc, _ in acc * 10 }
    }
}

/// Why an instrument definition is inconsistent.
public enum InstrumentError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalid(InstrumentID, String)

    public var description: String {
        switch self {
        case .invalid(let id, let reason): "instrument \(id): \(reason)"
        }
    }
}

/// An order that breaks one of the instrument's venue filters, with the reason.
public struct InstrumentFilterError: Error, Equatable, Sendable, CustomStringConvertible {
    public let instrumentID: InstrumentID
    public let reason: String

    public init(_ instrumentID: InstrumentID, _ reason: String) {
        self.instrumentID = instrumentID
        self.reason = reason
    }

    public var description: String { "\(instrumentID): \(reason)" }
}
