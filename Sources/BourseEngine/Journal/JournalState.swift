public import BourseCore
public import OrderedCollections
import BourseExecution

/// Orders, positions and cash as the journal says they are: the fold of its records.
///
/// A submit command creates its orders (in status initialized, as the order manager does
/// before sending); every order event is applied by the order's own state machine; fills
/// move the net position and, when ``tracksCash``, the cash account (``Account`` rules: a cash
/// account; a backtest on margin journals no cash, see ``init(instruments:accountID:startingBalances:tracksCash:)``).
/// Applying the same records
/// always gives the same state (insertion-ordered collections only).
public struct JournalState: Sendable, Hashable {
    /// Every order, in submission order.
    public private(set) var orders: OrderedDictionary<ClientOrderID, Order> = [:]
    /// Net position size per instrument (its magnitude; the side is the sign of ``signedPosition(_:)``).
    public private(set) var positions: OrderedDictionary<InstrumentID, Quantity> = [:]
    /// Signed raw net quantity per instrument (`+` long, `−` short).
    private var positionRaw: OrderedDictionary<InstrumentID, Int64> = [:]
    /// The cash account.
    public private(set) var account: Account
    /// Fills applied.
    public private(set) var fillCount = 0
    /// The last record applied.
    public private(set) var lastSequence: UInt64 = 0
    /// The index of the last bar delivered (−1 before the first).
    public private(set) var lastBarIndex: Int64 = -1
    /// The instruments fills may be in.
    public let instruments: [Instrument]
    /// Whether fills move ``account`` (a cash account); `false` leaves it at the starting balances.
    public let tracksCash: Bool

    /// An empty state: no orders, flat, holding `startingBalances`. With `tracksCash` false,
    /// fills do not move the account (for margin accounts, which a cash ``Account`` cannot follow).
    public init(
        instruments: [Instrument], accountID: AccountID, startingBalances: [Money], tracksCash: Bool = true
    ) throws(JournalError) {
        self.instruments = instruments
        self.tracksCash = tracksCash
        do { account = try Account(id: accountID, deposits: startingBalances) } catch { throw .replay(sequence: 0, "\(error)") }
    }

    /// An empty state for the session `start` describes (a journal's first record).
    public init(start: SessionStart) throws(JournalError) {
        try self.init(
            instruments: start.instruments, accountID: start.accountID, startingBalances: start.startingBalances,
            tracksCash: start.tracksCash)
    }

    /// The signed net position in an instrument (raw, size precision).
    public func signedPosition(_ id: InstrumentID) -> Int64 { positionRaw[id] ?? 0 }

    /// Applies one record; throws ``JournalError/sequence(expected:found:)`` for a gap and
    /// ``JournalError/replay(sequence:_:)`` for an event the state refuses.
    public mutating func apply(_ record: JournalRecord) throws(JournalError) {
        guard record.sequence == lastSequence + 1 else { throw .sequence(expected: lastSequence + 1, found: record.sequence) }
        switch record.entry {
        case .command(.submit(let c)): create(c.order)
        case .command(.submitList(let c)): for order in c.orders { create(order) }
        case .command, .audit, .sessionStart: break
        case .marketData(let mark): lastBarIndex = mark.index
        case .event(let event): try apply(event, sequence: record.sequence)
        }
        lastSequence = record.sequence
    }

    /// Sets the state a snapshot saved; throws ``AccountError`` when its balances are not an
    /// account's (negative, a currency twice).
    mutating func restore(
        orders: [Order], positions: [(InstrumentID, raw: Int64, precision: UInt8)], balances: [Money], fillCount: Int,
        lastSequence: UInt64, lastBarIndex: Int64
    ) throws(AccountError) {
        // Exactly as saved: a spent currency keeps its zero balance (a deposit cannot make one).
        account = try Account(id: account.id, type: account.type, balances: balances)
        for order in orders { self.orders[order.clientOrderID] = order }
        for (id, raw, precision) in positions { setPosition(id, raw: raw, precision: precision) }
        self.fillCount = fillCount
        self.lastSequence = lastSequence
        self.lastBarIndex = lastBarIndex
    }

    private mutating func create(_ order: OrderInitialized) {
        if orders[order.clientOrderID] == nil { orders[order.clientOrderID] = Order(order) }
    }

    /// Throws what ``apply(_:)`` would throw for `entry` as the next record, changing nothing:
    /// a journal checks a record with this before appending it, so it never holds one its own
    /// state refuses.
    public func check(_ entry: JournalEntry) throws(JournalError) {
        guard case .event(let event) = entry else { return }
        if case .initialized = event { return }
        _ = try outcome(of: event, sequence: lastSequence + 1)
    }

    private mutating func apply(_ event: OrderEvent, sequence: UInt64) throws(JournalError) {
        if case .initialized(let initialized) = event { return create(initialized) }
        let next = try outcome(of: event, sequence: sequence)
        orders.values[next.index] = next.order
        guard let fill = next.fill else { return }
        if let account = next.account { self.account = account }
        setPosition(fill.instrumentID, raw: fill.positionRaw, precision: fill.precision)
        fillCount += 1
    }

    /// What `event` makes of its order, the account and the position, computed on copies (nothing
    /// changes), for any event but an order's creation. Throws ``JournalError/replay(sequence:_:)`` for an
    /// event the state refuses.
    private func outcome(of event: OrderEvent, sequence: UInt64) throws(JournalError) -> EventOutcome {
        guard let index = orders.index(forKey: event.clientOrderID) else {
            throw .replay(sequence: sequence, "\(event.kind) for unknown order \(event.clientOrderID)")
        }
        var order = orders.values[index]
        do { try order.apply(event) } catch { throw .replay(sequence: sequence, "\(error)") }
        guard case .filled(let fill) = event else { return EventOutcome(index: index, order: order) }
        guard let instrument = instruments.first(where: { $0.id == fill.instrumentID }) else {
            throw .replay(sequence: sequence, "fill in unknown instrument \(fill.instrumentID)")
        }
        var account: Account?
        if tracksCash {
            var moved = self.account
            do { try moved.apply(fill: fill, instrument: instrument) } catch { throw .replay(sequence: sequence, "\(error)") }
            account = moved
        }
        let (raw, overflow) = signedPosition(fill.instrumentID).addingReportingOverflow(fill.side.sign * fill.lastQuantity.raw)
        guard !overflow, raw != .min else { throw .replay(sequence: sequence, "the position in \(fill.instrumentID) overflows") }
        return EventOutcome(
            index: index, order: order, account: account,
            fill: (fill.instrumentID, positionRaw: raw, precision: fill.lastQuantity.precision))
    }

    /// An order event's effect, before it is applied.
    private struct EventOutcome {
        var index: Int
        var order: Order
        var account: Account? = nil
        var fill: (instrumentID: InstrumentID, positionRaw: Int64, precision: UInt8)? = nil
    }

    private mutating func setPosition(_ id: InstrumentID, raw: Int64, precision: UInt8) {
        positionRaw[id] = raw
        positions[id] = Quantity(uncheckedRaw: Int64(raw.magnitude), precision: precision)
    }
}
