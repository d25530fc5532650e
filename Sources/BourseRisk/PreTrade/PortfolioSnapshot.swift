public import BourseCore
public import OrderedCollections

/// The portfolio as the risk engine sees it, in one base currency: account figures,
/// per-instrument positions, prices and open orders, and the exposures derived from them.
///
/// The kernel owns one value, keeps it current as fills, prices and account changes arrive
/// (each update keeps the aggregates consistent in O(tags)), and hands it to
/// ``RiskEngine/evaluate(_:portfolio:)``, which only reads it.
///
/// Instruments quoted in another currency are valued in the base currency at the rate set with
/// ``setExchangeRate(_:_:)`` (from the configuration or from quotes). Exposure is the position's
/// value at its last price, converted; a position without a price or without a rate for its
/// currency makes every exposure check deny (fail safe).
///
/// ```swift
/// var portfolio = try PortfolioSnapshot(baseCurrency: .USD, equity: Money(parsing: "100000", .USD))
/// try portfolio.register(goog)
/// try portfolio.updatePrice(goog.id, Price(parsing: "150.00"))
/// try portfolio.updatePosition(goog.id, signedQuantity: 100)
/// ```
public struct PortfolioSnapshot: Sendable {
    public let baseCurrency: Currency
    /// Current equity (cash + positions at market).
    public private(set) var equity: Money
    /// Equity at the start of the trading day (for the daily loss limit).
    public private(set) var startOfDayEquity: Money
    /// Highest equity seen (for the drawdown limit).
    public private(set) var peakEquity: Money
    /// Cash free to spend (not locked by open orders).
    public private(set) var freeCash: Money
    /// Per-instrument state, in registration order.
    public private(set) var instruments: OrderedDictionary<InstrumentID, InstrumentRiskState> = [:]
    /// Σ |position value| (raw base-currency units).
    public private(set) var grossExposureRaw: Int64 = 0
    /// Σ signed position value (raw base-currency units).
    public private(set) var netExposureRaw: Int64 = 0
    /// Σ |position value| per risk tag (see ``InstrumentRiskState/riskTags``).
    public private(set) var tagExposureRaw: OrderedDictionary<String, Int64> = [:]
    /// The signed quantity (raw) of each open position, in the order they opened.
    public private(set) var openPositions: OrderedDictionary<InstrumentID, Int64> = [:]
    /// Number of non-flat positions.
    public var openPositionCount: Int { openPositions.count }
    /// Number of open positions without a price (or without a rate to the base currency).
    public private(set) var unpricedPositionCount = 0
    /// Units of the base currency per unit of each other currency, as set by ``setExchangeRate(_:_:)``.
    public private(set) var exchangeRates: OrderedDictionary<Currency, Price> = [:]
    /// The index in ``instruments`` of each open position, in the order of ``openPositions``.
    private(set) var openPositionSlots: [Int] = []
    /// Replaced whenever an instrument is registered, so that the risk engine knows when to
    /// resolve its per-instrument limits again.
    private(set) var generation = Generation()

    /// The identity of one list of registered instruments (compared with `===`).
    final class Generation: Sendable {}

    /// An empty portfolio whose equity figures all start at `equity` and whose free cash is `freeCash` (default: equity).
    public init(baseCurrency: Currency, equity: Money, freeCash: Money? = nil) throws(PortfolioError) {
        self.baseCurrency = baseCurrency
        self.equity = equity
        startOfDayEquity = equity
        peakEquity = equity
        self.freeCash = freeCash ?? equity
        try setAccount(equity: equity, startOfDayEquity: equity, peakEquity: equity, freeCash: freeCash ?? equity)
    }

    /// Replaces the account figures (all in the base currency).
    public mutating func setAccount(
        equity: Money, startOfDayEquity: Money, peakEquity: Money, freeCash: Money
    ) throws(PortfolioError) {
        // Checked one by one: a literal array of the four would be allocated on every call.
        func check(_ money: Money, _ what: String) throws(PortfolioError) {
            if money.currency != baseCurrency { throw .currencyMismatch(expected: baseCurrency, got: money.currency, what: what) }
        }
        try check(equity, "equity")
        try check(startOfDayEquity, "start-of-day equity")
        try check(peakEquity, "peak equity")
        try check(freeCash, "free cash")
        self.equity = equity
        self.startOfDayEquity = startOfDayEquity
        self.peakEquity = peakEquity
        self.freeCash = freeCash
    }

    /// Adds an instrument (flat, unpriced); registering it again changes nothing. An instrument
    /// quoted in another currency than the base one needs a rate (``setExchangeRate(_:_:)``)
    /// before its positions and orders can be valued.
    public mutating func register(_ instrument: Instrument) throws(PortfolioError) {
        guard instruments[instrument.id] == nil else { return }
        let tags = InstrumentRiskState.riskTags(of: instrument)
        let slots = tags.map { tag in
            if let slot = tagExposureRaw.index(forKey: tag) { return slot }
            tagExposureRaw[tag] = 0
            return tagExposureRaw.count - 1
        }
        var state = InstrumentRiskState(instrument: instrument, riskTags: tags, tagSlots: slots)
        state.conversion = try conversion(for: instrument.quoteCurrency)
        instruments[instrument.id] = state
        generation = Generation()
    }

    /// Sets the rate of `currency` to the base currency (units of base per unit of `currency`, e.g.
    /// `1.0850` for EUR in a USD portfolio) and revalues the positions quoted in it.
    /// - Throws: ``PortfolioError/invalidExchangeRate(_:_:)`` for a non-positive rate or the base currency itself.
    public mutating func setExchangeRate(_ currency: Currency, _ rate: Price) throws(PortfolioError) {
        guard currency != baseCurrency else { throw .invalidExchangeRate(currency, "the base currency's rate is 1 by definition") }
        guard rate.raw > 0 else { throw .invalidExchangeRate(currency, "rate \(rate) is not positive") }
        exchangeRates[currency] = rate
        let converted = try conversion(for: currency)
        for id in instruments.keys where instruments[id]?.instrument.quoteCurrency == currency {
            try update(id) { state throws(PortfolioError) in state.conversion = converted }
        }
    }

    /// The conversion of amounts in `currency` to the base currency; `nil` while no rate is known.
    private func conversion(for currency: Currency) throws(PortfolioError) -> CurrencyConversion? {
        if currency == baseCurrency { return .identity }
        guard let rate = exchangeRates[currency] else { return nil }
        return try CurrencyConversion(rate: rate, from: currency, to: baseCurrency)
    }

    /// The state of a registered instrument.
    public func state(_ id: InstrumentID) -> InstrumentRiskState? { instruments[id] }

    /// Sets the last (or mid) price of an instrument and revalues its position.
    public mutating func updatePrice(_ id: InstrumentID, _ price: Price) throws(PortfolioError) {
        try update(id) { state throws(PortfolioError) in
            let exact: Price
            do { exact = try price.rescaled(to: state.instrument.pricePrecision, rule: .halfEven) } catch {
                throw .precision(id, "price \(price) does not fit precision \(state.instrument.pricePrecision)")
            }
            guard exact == price else {
                throw .precision(id, "price \(price) has more than \(state.instrument.pricePrecision) decimals")
            }
            state.lastPrice = exact
        }
    }

    /// Sets the open position (signed, in units of the instrument's size precision).
    public mutating func updatePosition(_ id: InstrumentID, signedQuantityRaw: Int64) throws(PortfolioError) {
        try update(id) { state throws(PortfolioError) in state.signedQuantityRaw = signedQuantityRaw }
    }

    /// Sets the open position from a ``Position`` (its instrument must be registered).
    public mutating func updatePosition(_ position: Position) throws(PortfolioError) {
        try updatePosition(position.instrumentID, signedQuantityRaw: position.signedQuantityRaw)
    }

    /// Sets the quantities still to fill of the instrument's open buy and sell orders.
    public mutating func updateOpenOrders(_ id: InstrumentID, buy: Quantity, sell: Quantity) throws(PortfolioError) {
        try update(id) { state throws(PortfolioError) in
            let p = state.instrument.sizePrecision
            guard let b = try? buy.rescaled(to: p, rule: .down), b == buy, let s = try? sell.rescaled(to: p, rule: .down), s == sell
            else { throw .precision(id, "open order quantities \(buy)/\(sell) have more than \(p) decimals") }
            state.openBuyQuantityRaw = b.raw
            state.openSellQuantityRaw = s.raw
        }
    }

    /// Applies `change` to one instrument's state and rolls the aggregates forward.
    private mutating func update(
        _ id: InstrumentID, _ change: (inout InstrumentRiskState) throws(PortfolioError) -> Void
    ) throws(PortfolioError) {
        guard let old = instruments[id] else { throw .unknownInstrument(id) }
        var new = old
        try change(&new)
        if let price = new.lastPrice, new.conversion != nil, new.signedQuantityRaw != 0 {
            guard let value = new.valueRaw(quantityRaw: new.signedQuantityRaw, price: price), value != .max else {
                throw .overflow("value of \(id)'s position")
            }
            new.markValueRaw = new.signedQuantityRaw < 0 ? -value : value
        } else {
            new.markValueRaw = 0
        }
        let grossDelta = Int128(new.markValueRaw.magnitude) - Int128(old.markValueRaw.magnitude)
        let netDelta = Int128(new.markValueRaw) - Int128(old.markValueRaw)
        guard let gross = Int64(exactly: Int128(grossExposureRaw) + grossDelta),
            let net = Int64(exactly: Int128(netExposureRaw) + netDelta)
        else { throw .overflow("portfolio exposure") }
        // Checked first, then updated in place (a copy of the tag table would be copied on write).
        for (tag, slot) in zip(new.riskTags, new.tagSlots)
        where Int64(exactly: Int128(tagExposureRaw.values[slot]) + grossDelta) == nil {
            throw .overflow("exposure of tag \(tag)")
        }
        for slot in new.tagSlots { tagExposureRaw.values[slot] += Int64(grossDelta) }
        grossExposureRaw = gross
        netExposureRaw = net
        let isOpen = new.signedQuantityRaw != 0
        if isOpen != (old.signedQuantityRaw != 0), let slot = instruments.index(forKey: id) {
            if isOpen { openPositionSlots.append(slot) } else { openPositionSlots.removeAll { $0 == slot } }
        }
        openPositions[id] = isOpen ? new.signedQuantityRaw : nil
        unpricedPositionCount += (new.isUnpriced ? 1 : 0) - (old.isUnpriced ? 1 : 0)
        instruments[id] = new
    }
}

extension PortfolioSnapshot {
    /// Formats raw base-currency units.
    func text(moneyRaw raw: Int64) -> String { Money(uncheckedRaw: raw, currency: baseCurrency).description }
}
