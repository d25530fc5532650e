public import BourseCore
import OrderedCollections

/// The exchange that backtests and paper trading run against: a matching engine for
/// bars, quotes and trades, with pluggable fill, fee and latency models.
///
/// Feeding it: the kernel sets the clock, then gives each market data item to the
/// venue **before** strategies see it — `process(bar:events:)`, `process(quote:events:)`,
/// `process(trade:events:)` — and calls ``advanceTime(events:)`` when the clock moves
/// without data (to deliver delayed commands and expire orders; ``nextEventTime`` says
/// when the venue next needs the clock). Every method appends the order events it
/// produces to `events`, in the order they happen, with `tsEvent` = `tsInit` = the clock's time.
///
/// Matching on bars: each bar becomes the path open → high → low → close when the open is
/// nearer the high (else open → low → high → close). The open is a gap from the previous
/// price: whatever it reaches fills at the open. Along the path, a stop or limit fills at
/// its own price, the first time the path reaches it (limits need the path to trade through
/// their price unless ``LimitFillPolicy/onTouch``). Market orders fill at the next bar's open,
/// or at once at the last close with ``BarExecution/onClose``.
///
/// Matching on ticks: market orders take the far side of the quote (or the last trade
/// price); a resting limit fills at its price when the market trades through it (or
/// touches it, with ``LimitFillPolicy/onTouch``); stops trigger on the far side and fill at it.
///
/// Contingent orders are matched natively: an order with a parent (OTO child, bracket
/// take-profit and stop-loss) is held until its parent fills and then works for the
/// parent's filled quantity; a fill on an OCO order cancels its linked orders; a fill on an
/// OUO order reduces its linked orders by the filled quantity.
///
/// Venue order ids (`<venue>-<n>`) and trade ids (`<venue>-T<n>`) come from counters:
/// unique and the same in every run.
///
/// - Complexity: a bar or tick that reaches no working order costs O(1); otherwise
///   O(n) in the instrument's working orders.
public final class SimulatedVenue<Fills: FillModel, Fees: FeeModel, Latency: LatencyModel>: ExecutionClient {
    public let configuration: SimulatedVenueConfiguration
    public let fillModel: Fills
    public let feeModel: Fees
    public let latencyModel: Latency
    let clock: VenueClock

    // The mutable state below is not checked for exclusive access at run time (the venue is used
    // from one thread, and the accesses were verified with the checks on): those checks cost a
    // tenth of the order path.
    @exclusivity(unchecked) var books: [InstrumentBook] = []
    /// The instruments by book number (immutable: read on hot paths without exclusivity checks).
    let instrumentsByBook: [Instrument]
    /// The same instruments behind references, for the fill and fee models' parameters.
    let sharedInstruments: [SharedInstrument]
    @exclusivity(unchecked) var bookIndex: [InstrumentID: Int] = [:]
    /// The last instrument looked up and its book (market data comes in long runs of one instrument).
    @exclusivity(unchecked) var lastLookup: (id: InstrumentID, book: Int)?
    /// The venue's orders by slot (chunked: a new order never moves the others).
    @exclusivity(unchecked) var orders = ChunkedBuffer<VenueOrder>()
    @exclusivity(unchecked) var slots = SlotIndex()
    /// Commands in flight, in arrival order (ties in the order they were sent).
    @exclusivity(unchecked) var inFlight: [(arrival: UnixNanos, command: VenueCommand)] = []
    /// Cash, when the configuration has starting balances.
    @exclusivity(unchecked) public internal(set) var account: Account?
    @exclusivity(unchecked) var venueOrderCount = 0
    @exclusivity(unchecked) var tradeCount = 0
    /// The latest fills, in the order they happened (for ``fills(since:after:)``; see ``FillHistory`` for the retention).
    @exclusivity(unchecked) var fillHistory: FillHistory
    /// The earliest expiry (GTD, DAY) among open orders; `nil` when none.
    @exclusivity(unchecked) var nextExpiry: UnixNanos?
    /// Scratch buffer for the orders reached at one price point (reused, no allocation).
    @exclusivity(unchecked) var reached: [(slot: Int, distance: Int64)] = []
    let venueOrderPrefix: VenueOrderID
    let tradePrefix: TradeID
    /// Stand-ins that are never used: the counter-based ids are checked valid at init.
    let placeholderVenueOrderID: VenueOrderID
    let placeholderTradeID: TradeID

    public var venue: Venue { configuration.venue }
    public var accountID: AccountID { configuration.accountID }

    /// A venue trading `instruments`, reading time from `clock` (the kernel's clock).
    public init(
        configuration: SimulatedVenueConfiguration,
        instruments: [Instrument],
        clock: any Clock,
        fillModel: Fills,
        feeModel: Fees,
        latencyModel: Latency
    ) throws(SimulatedVenueError) {
        self.configuration = configuration
        self.fillModel = fillModel
        self.feeModel = feeModel
        self.latencyModel = latencyModel
        self.clock = VenueClock(clock)
        fillHistory = FillHistory(capacity: configuration.fillHistoryCapacity)
        do {
            venueOrderPrefix = try VenueOrderID("\(configuration.venue)-")
            tradePrefix = try TradeID("\(configuration.venue)-T")
            // The longest ids the counters can make must be valid, so making them never fails.
            placeholderVenueOrderID = try VenueOrderID(prefix: venueOrderPrefix, number: UInt64(Int.max))
            placeholderTradeID = try TradeID(prefix: tradePrefix, number: UInt64(Int.max))
        } catch {
            throw .venueNameTooLong(configuration.venue)
        }
        instrumentsByBook = instruments
        sharedInstruments = instruments.map(SharedInstrument.init)
        for instrument in instruments {
            guard instrument.id.venue == configuration.venue else {
                throw .foreignInstrument(instrument.id, venue: configuration.venue)
            }
            guard bookIndex[instrument.id] == nil else { throw .duplicateInstrument(instrument.id) }
            bookIndex[instrument.id] = books.count
            books.append(InstrumentBook(instrument: instrument))
        }
        if !configuration.startingBalances.isEmpty {
            do {
                account = try Account(id: configuration.accountID, deposits: configuration.startingBalances)
            } catch { throw .account(error) }
        }
    }

    /// The instruments the venue trades, in the order given.
    public var instruments: [Instrument] { books.map(\.instrument) }

    /// When the venue next needs the clock: the next delayed command's arrival or the
    /// next expiry; `nil` when nothing is pending.
    public var nextEventTime: UnixNanos? {
        switch (inFlight.first?.arrival, nextExpiry) {
        case (let a?, let e?): min(a, e)
        case (let a?, nil): a
        case (nil, let e?): e
        case (nil, nil): nil
        }
    }

    /// The venue's net position in an instrument, `nil` when the venue does not trade it.
    public func netPosition(_ instrumentID: InstrumentID) -> (side: PositionSide, quantity: Quantity)? {
        guard let index = bookIndex[instrumentID] else { return nil }
        let book = books[index]
        let side: PositionSide = book.positionRaw > 0 ? .long : book.positionRaw < 0 ? .short : .flat
        return (side, Quantity(uncheckedRaw: Int64(book.positionRaw.magnitude), precision: book.instrument.sizePrecision))
    }

    // MARK: Reports

    public func orderStatus(_ clientOrderID: ClientOrderID) -> OrderStatusReport? {
        slots[clientOrderID].map { report(orders[$0]) }
    }

    public func openOrderReports() -> [OrderStatusReport] {
        orders.filter(\.isOpen).map(report)
    }

    public func positionReports() -> [PositionStatusReport] {
        books.sorted { $0.instrument.id < $1.instrument.id }.compactMap { book in
            guard book.positionRaw != 0, let ts = book.positionTsLast else { return nil }
            return PositionStatusReport(
                instrumentID: book.instrument.id, side: book.positionRaw > 0 ? .long : .short,
                quantity: Quantity(uncheckedRaw: Int64(book.positionRaw.magnitude), precision: book.instrument.sizePrecision),
                tsLast: ts)
        }
    }

    public func balanceReports() -> [AccountBalance] {
        account.map { Array($0.balances.values) } ?? []
    }

    /// The fills since `time` (after `tradeID`) from the venue's fill history, which keeps the last
    /// ``SimulatedVenueConfiguration/fillHistoryCapacity`` fills: `nil` when the history is off or
    /// the answer may include fills it no longer keeps.
    ///
    /// - Complexity: O(log n + the fills returned).
    public func fills(since time: UnixNanos, after tradeID: TradeID?) -> [OrderFilled]? {
        guard configuration.keepsFillHistory else { return nil }
        let number = tradeID.flatMap { id in tradeNumber(of: id).flatMap { fillHistory.tradeNumber($0, is: id) ? $0 : nil } }
        return fillHistory.fills(since: time, afterTrade: number)
    }

    /// The counter a trade id of this venue was made from (`SIM-T42` → 42); `nil` for other ids.
    func tradeNumber(of id: TradeID) -> Int? {
        let text = id.value
        let prefix = tradePrefix.value
        guard text.hasPrefix(prefix) else { return nil }
        return Int(text.dropFirst(prefix.count))
    }

    /// Forgets closed orders (their status can no longer be queried); keeps memory flat in long runs.
    public func purgeClosedOrders() {
        var kept = ChunkedBuffer<VenueOrder>()
        var remap: [Int: Int] = [:]
        for (slot, order) in zip(orders.indices, orders) where order.isOpen {
            remap[slot] = kept.count
            kept.append(order)
        }
        orders = kept
        slots = SlotIndex()
        for order in orders { slots.append(order.clientOrderID) }
        for index in books.indices {
            books[index].active = books[index].active.compactMap { remap[$0] }
        }
    }

    /// The book of an instrument; remembers the last answer, as comparing ids is cheaper than hashing them.
    @inline(__always)
    func book(of id: InstrumentID) -> Int? {
        if let last = lastLookup, last.id == id { return last.book }
        guard let index = bookIndex[id] else { return nil }
        lastLookup = (id, index)
        return index
    }

    func makeVenueOrderID(_ number: Int) -> VenueOrderID {
        (try? VenueOrderID(prefix: venueOrderPrefix, number: UInt64(number))) ?? placeholderVenueOrderID
    }

    func makeTradeID(_ number: Int) -> TradeID {
        (try? TradeID(prefix: tradePrefix, number: UInt64(number))) ?? placeholderTradeID
    }

    func report(_ order: VenueOrder) -> OrderStatusReport {
        let instrument = books[order.book].instrument
        let p = instrument.pricePrecision
        return OrderStatusReport(
            clientOrderID: order.clientOrderID, venueOrderID: order.venueOrderID, strategyID: order.initialized.strategyID,
            instrumentID: order.initialized.instrumentID, side: order.side, type: order.type, status: order.status,
            quantity: Quantity(uncheckedRaw: order.quantityRaw, precision: instrument.sizePrecision),
            filledQuantity: Quantity(uncheckedRaw: order.filledRaw, precision: instrument.sizePrecision),
            price: order.priceRaw.map { Price(uncheckedRaw: $0, precision: p) },
            triggerPrice: order.triggerRaw.map { Price(uncheckedRaw: $0, precision: p) }, tsLast: order.tsLast)
    }
}

extension SimulatedVenue where Fills == StandardFillModel, Fees == InstrumentFeeModel, Latency == FixedLatency {
    /// A venue with no slippage, no volume limit, the instruments' own fee rates and no latency.
    public convenience init(
        configuration: SimulatedVenueConfiguration, instruments: [Instrument], clock: any Clock
    ) throws(SimulatedVenueError) {
        try self.init(
            configuration: configuration, instruments: instruments, clock: clock, fillModel: StandardFillModel(),
            feeModel: InstrumentFeeModel(), latencyModel: .zero)
    }
}
