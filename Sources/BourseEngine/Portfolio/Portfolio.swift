public import BourseCore

/// Portfolio accounting for one account in one settlement currency: a netting position per
/// instrument, the cash balance, and marks.
///
/// Rules (all amounts exact, in raw units of ``currency``):
/// - a fill moves cash by `−side × notional − commission` (notional = price × quantity ×
///   multiplier, rounded half-even to the currency, as ``Position`` computes it);
/// - each instrument is marked at its last bar close (or last fill price before any bar):
///   its *mark value* is the signed position value there;
/// - **equity** = cash + Σ mark values; **exposure** (gross) = Σ |mark values|;
/// - **margin used** = exposure / leverage (margin accounts); **buying power** = free cash
///   (cash account) or `max(0, equity − margin used) × leverage` (margin account).
///
/// Marking is O(1) per bar (only the bar's instrument changes). The equity curve keeps one
/// point per timestamp (the last value at that time) and one per UTC day (the day's last point).
public final class Portfolio {
    // Owned by one single-threaded kernel: hot properties skip dynamic exclusivity checks.
    /// The settlement currency (every instrument is quoted in it).
    public let currency: Currency
    public let accountKind: AccountKind
    public let instruments: [Instrument]
    public let startingCash: Money
    /// Cash balance, raw.
    @exclusivity(unchecked) public private(set) var cashRaw: Int64
    /// One position per instrument (netting), same order as ``instruments``.
    @exclusivity(unchecked) public private(set) var positions: [Position]
    /// Signed position value at the last mark, raw, per instrument.
    @exclusivity(unchecked) public private(set) var markValues: [Int64]
    /// Last mark price per instrument (`nil` before the first bar or fill).
    @exclusivity(unchecked) public private(set) var lastPrices: [Price?]
    /// Whether each instrument has an open position (kept with ``positions``, read on every bar).
    @exclusivity(unchecked) private var open: [Bool]
    @exclusivity(unchecked) private var markSum: Int64 = 0
    @exclusivity(unchecked) private var exposureSum: Int64 = 0
    private let indexByID: [InstrumentID: Int]
    /// The instruments' ids, for the linear lookup of a small portfolio (``index(of:)``).
    private let ids: [InstrumentID]
    /// Per instrument: how a mark becomes a value, the price precision marks must have, and the
    /// signed position quantity (kept with ``positions``): marking reads them, not a `Position` copy.
    private let scales: [NotionalScale]
    private let pricePrecisions: [UInt8]
    @exclusivity(unchecked) private var signedQuantities: [Int64]

    /// The equity curve: one point per timestamp, and each UTC day's last point.
    public let curve: EquityCurve

    /// A portfolio holding `startingCash`, flat in every instrument. `reserveCurve` points are
    /// reserved for the equity curve, whose times are mostly `curveTimeStep` apart (the bar step:
    /// it only makes the curve compact, any times are recorded exactly).
    public init(
        instruments: [Instrument], startingCash: Money, accountKind: AccountKind, strategyID: StrategyID,
        reserveCurve: Int = 0, curveTimeStep: Int64 = 1
    ) throws(EngineError) {
        currency = startingCash.currency
        for instrument in instruments where instrument.quoteCurrency != currency {
            throw .configuration(
                "instrument \(instrument.id) is quoted in \(instrument.quoteCurrency), the account in \(currency); one settlement currency per backtest")
        }
        if case .margin(let leverage) = accountKind, leverage.raw <= 0 {
            throw .configuration("leverage must be positive, got \(leverage)")
        }
        self.instruments = instruments
        self.accountKind = accountKind
        self.startingCash = startingCash
        cashRaw = startingCash.raw
        var positions: [Position] = []
        var index: [InstrumentID: Int] = [:]
        for (i, instrument) in instruments.enumerated() {
            guard index[instrument.id] == nil else { throw .configuration("instrument \(instrument.id) is listed twice") }
            index[instrument.id] = i
            let id: PositionID
            do { id = try PositionID("\(instrument.id)-\(strategyID)") } catch { throw .configuration("\(error)") }
            positions.append(Position(id: id, instrument: instrument, strategyID: strategyID))
        }
        self.positions = positions
        indexByID = index
        ids = instruments.map(\.id)
        scales = instruments.map(NotionalScale.init(instrument:))
        pricePrecisions = instruments.map(\.pricePrecision)
        signedQuantities = Array(repeating: 0, count: instruments.count)
        markValues = Array(repeating: 0, count: instruments.count)
        open = Array(repeating: false, count: instruments.count)
        lastPrices = Array(repeating: nil, count: instruments.count)
        curve = EquityCurve(capacity: reserveCurve, timeStep: curveTimeStep)
    }

    /// The index of an instrument in ``instruments``. - Complexity: O(1); a small portfolio is
    /// searched linearly (a few id comparisons cost less than hashing the id).
    @inline(__always)
    public func index(of id: InstrumentID) -> Int? {
        guard ids.count <= Self.linearLookupLimit else { return indexByID[id] }
        for i in ids.indices where ids[i] == id { return i }
        return nil
    }

    /// Up to this many instruments, ``index(of:)`` compares ids instead of hashing.
    private static let linearLookupLimit = 8

    /// The position in `id` (`nil` for an unknown instrument).
    public func position(_ id: InstrumentID) -> Position? { index(of: id).map { positions[$0] } }

    public var cash: Money { Money(uncheckedRaw: cashRaw, currency: currency) }
    public var equityRaw: Int64 { cashRaw &+ markSum }
    public var equity: Money { Money(uncheckedRaw: equityRaw, currency: currency) }
    /// Gross exposure: Σ |position values|.
    public var exposure: Money { Money(uncheckedRaw: exposureSum, currency: currency) }
    /// Net exposure: Σ signed position values.
    public var netExposure: Money { Money(uncheckedRaw: markSum, currency: currency) }

    /// Margin used by the open positions (zero for a cash account).
    public var marginUsedRaw: Int64 {
        guard case .margin(let leverage) = accountKind else { return 0 }
        return Self.divideByLeverage(exposureSum, leverage)
    }

    /// What new positions may still use (see the type's documentation).
    public var buyingPowerRaw: Int64 {
        switch accountKind {
        case .cash:
            return max(0, cashRaw)
        case .margin(let leverage):
            let free = max(0, equityRaw - marginUsedRaw)
            let scaled = Int128(free) * Int128(leverage.raw) / Int128(FixedPoint.scale(leverage.precision))
            return Int64(clamping: scaled)
        }
    }

    /// Whether instrument `index` has an open position. - Complexity: O(1).
    @inline(__always)
    func hasPosition(_ index: Int) -> Bool { open[index] }

    /// Marks instrument `index` at `price`. - Complexity: O(1).
    @inline(__always)
    func mark(_ index: Int, price: Price) {
        lastPrices[index] = price
        guard open[index] else { return }
        let value = markValueRaw(index, at: price) ?? markValues[index]
        markSum = markSum &- markValues[index] &+ value
        exposureSum = exposureSum &- markValues[index].magnitudeAsInt &+ value.magnitudeAsInt
        markValues[index] = value
    }

    /// The signed value of instrument `index`'s position at `price`, exactly
    /// `positions[index].markValue(at: price).raw`; `nil` where that throws.
    @inline(__always)
    private func markValueRaw(_ index: Int, at price: Price) -> Int64? {
        guard price.precision == pricePrecisions[index] else { return nil }
        let signed = signedQuantities[index]
        guard let value = scales[index].notional(priceRaw: price.raw, quantityRaw: Int64(signed.magnitude)) else { return nil }
        return signed < 0 ? -value : value
    }

    /// Why a fill of `quantity` at `price` with `commissionRaw` cannot be accepted, or `nil`.
    func refusal(index: Int, side: OrderSide, quantity: Quantity, price: Price, commissionRaw: Int64) -> String? {
        let signed = signedQuantities[index]
        let instrument = instruments[index]
        guard let notional = try? instrument.notional(quantity: quantity, price: price).raw else {
            return "notional overflows"
        }
        let reducesOnly = (signed > 0 && side == .sell || signed < 0 && side == .buy) && quantity.raw <= signed.magnitudeAsInt
        switch accountKind {
        case .cash:
            if side == .sell {
                guard signed > 0, quantity.raw <= signed else {
                    return "a cash account cannot sell short (holding \(positions[index].quantity), selling \(quantity))"
                }
                return nil
            }
            let cost = notional &+ commissionRaw
            return cost > cashRaw
                ? "insufficient cash: \(Money(uncheckedRaw: cost, currency: currency)) required, \(cash) available" : nil
        case .margin(let leverage):
            if reducesOnly { return nil }
            // Margin after the fill, at the fill price for this instrument.
            let newSigned = signed + side.sign * quantity.raw
            let newValue: Int64
            if newSigned == 0 {
                newValue = 0
            } else {
                let q = Quantity(uncheckedRaw: newSigned.magnitudeAsInt, precision: quantity.precision)
                guard let v = try? instrument.notional(quantity: q, price: price).raw else { return "notional overflows" }
                newValue = v
            }
            let exposureAfter = exposureSum - markValues[index].magnitudeAsInt + newValue
            let cashAfter = cashRaw - side.sign * notional - commissionRaw
            let markAfter = markSum - markValues[index] + (newSigned < 0 ? -newValue : newValue)
            let equityAfter = cashAfter + markAfter
            let marginAfter = Self.divideByLeverage(exposureAfter, leverage)
            return marginAfter > equityAfter
                ? "insufficient margin: \(Money(uncheckedRaw: marginAfter, currency: currency)) needed, equity after the fill \(Money(uncheckedRaw: equityAfter, currency: currency))"
                : nil
        }
    }

    /// Applies a fill: position, cash and mark. Returns the position event.
    func apply(fill: OrderFilled, index: Int) throws(EngineError) -> PositionEvent {
        // Checked first: a refused fill must leave the position, cash and marks unchanged.
        guard fill.commission.currency == currency else {
            throw .accounting("commission in \(fill.commission.currency), account in \(currency)")
        }
        let instrument = instruments[index]
        let wasFlat = signedQuantities[index] == 0
        let notional: Int64
        do {
            notional = try instrument.notional(quantity: fill.lastQuantity, price: fill.lastPrice).raw
            try positions[index].apply(fill: fill.assigned(to: positions[index].id))
        } catch { throw .accounting("\(error)") }
        cashRaw = cashRaw &- fill.side.sign &* notional &- fill.commission.raw
        // Re-mark at the fill price until the next bar marks it again.
        let position = positions[index]
        open[index] = !position.isFlat
        signedQuantities[index] = position.signedQuantityRaw
        let value = position.isFlat ? 0 : (markValueRaw(index, at: fill.lastPrice) ?? 0)
        markSum = markSum &- markValues[index] &+ value
        exposureSum = exposureSum &- markValues[index].magnitudeAsInt &+ value.magnitudeAsInt
        markValues[index] = value
        lastPrices[index] = fill.lastPrice
        let kind: PositionEvent.Kind = wasFlat ? .opened : (position.isFlat ? .closed : .changed)
        return PositionEvent(kind: kind, position: position, fill: fill)
    }

    /// Records the equity at `ts`: replaces the last point when it has the same time.
    @inline(__always)
    func recordEquity(at ts: Int64) { curve.record(at: ts, equity: equityRaw, exposure: exposureSum) }

    /// Closes the daily sampling at the end of a run.
    func finishCurve() { curve.finish() }

    @inline(__always)
    static func day(of ts: Int64) -> Int64 {
        let (q, r) = ts.quotientAndRemainder(dividingBy: Nanoseconds.perDay)
        return r < 0 ? q - 1 : q
    }

    private static func divideByLeverage(_ amount: Int64, _ leverage: Rate) -> Int64 {
        Int64(clamping: (Int128(amount) * Int128(FixedPoint.scale(leverage.precision)) + Int128(leverage.raw) - 1) / Int128(leverage.raw))
    }
}

extension Int64 {
    /// `|self|` as `Int64` (callers never hold `Int64.min`).
    @inline(__always)
    var magnitudeAsInt: Int64 { self < 0 ? 0 &- self : self }
}
