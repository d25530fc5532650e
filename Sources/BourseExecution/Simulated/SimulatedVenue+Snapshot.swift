package import BourseCore
import OrderedCollections

/// The simulated venue's state as plain values, for a paper session's snapshot: a paper venue
/// stands in for a broker, which would survive Bourse's crash; this lets the venue survive it
/// too, so a restart does not rebuild it by re-running the session from its first bar.
///
/// It holds what the venue needs to go on exactly as it would have: its open orders (closed
/// ones are dropped, as ``SimulatedVenue/purgeClosedOrders()`` does), each instrument's last
/// prices and position, the cash account, the id counters and the fills a reconciliation can
/// still ask for (those since the oldest open order arrived).
package struct SimulatedVenueState: Sendable, Hashable {
    /// An open order as the venue matches it (raw values at the instrument's precisions).
    package struct OpenOrder: Sendable, Hashable {
        package enum Phase: UInt8, Sendable, Hashable {
            /// Waiting for its parent to fill.
            case held
            /// Working (a stop or if-touched order: not triggered yet).
            case working
            /// A stop or if-touched order whose trigger was hit.
            case triggered
        }

        package var initialized: OrderInitialized
        package var venueOrderID: VenueOrderID
        /// The instrument's book number (its index in the venue's instruments).
        package var book: Int
        package var sequence: Int
        package var phase: Phase
        package var quantityRaw: Int64
        package var filledRaw: Int64
        package var priceRaw: Int64?
        package var triggerRaw: Int64?
        package var expiry: UnixNanos?
        package var auctionClose: UnixNanos?
        package var tsLast: UnixNanos

        package init(
            initialized: OrderInitialized, venueOrderID: VenueOrderID, book: Int, sequence: Int, phase: Phase,
            quantityRaw: Int64, filledRaw: Int64, priceRaw: Int64?, triggerRaw: Int64?, expiry: UnixNanos?,
            auctionClose: UnixNanos?, tsLast: UnixNanos
        ) {
            self.initialized = initialized
            self.venueOrderID = venueOrderID
            self.book = book
            self.sequence = sequence
            self.phase = phase
            self.quantityRaw = quantityRaw
            self.filledRaw = filledRaw
            self.priceRaw = priceRaw
            self.triggerRaw = triggerRaw
            self.expiry = expiry
            self.auctionClose = auctionClose
            self.tsLast = tsLast
        }
    }

    /// One instrument's market and position, in the venue's instrument order.
    package struct Book: Sendable, Hashable {
        /// Indices in ``SimulatedVenueState/orders`` of the active orders, in time priority.
        package var active: [Int]
        package var positionRaw: Int64
        package var positionTsLast: UnixNanos?
        package var bid: Int64?
        package var ask: Int64?
        package var last: Int64?
        package var hasBars: Bool
        package var volumeLeft: Int64?

        package init(
            active: [Int], positionRaw: Int64, positionTsLast: UnixNanos?, bid: Int64?, ask: Int64?, last: Int64?, hasBars: Bool,
            volumeLeft: Int64?
        ) {
            self.active = active
            self.positionRaw = positionRaw
            self.positionTsLast = positionTsLast
            self.bid = bid
            self.ask = ask
            self.last = last
            self.hasBars = hasBars
            self.volumeLeft = volumeLeft
        }
    }

    /// Cash reserved for one open order.
    package struct Lock: Sendable, Hashable {
        package var clientOrderID: ClientOrderID
        package var amount: Money

        package init(clientOrderID: ClientOrderID, amount: Money) {
            self.clientOrderID = clientOrderID
            self.amount = amount
        }
    }

    package var orders: [OpenOrder]
    package var books: [Book]
    /// The cash account's total balances (empty: the venue keeps no account).
    package var balances: [Money]
    package var locks: [Lock]
    package var venueOrderCount: Int
    package var tradeCount: Int
    package var fills: [OrderFilled]

    package init(
        orders: [OpenOrder], books: [Book], balances: [Money], locks: [Lock], venueOrderCount: Int, tradeCount: Int,
        fills: [OrderFilled]
    ) {
        self.orders = orders
        self.books = books
        self.balances = balances
        self.locks = locks
        self.venueOrderCount = venueOrderCount
        self.tradeCount = tradeCount
        self.fills = fills
    }
}

/// Why a saved venue state cannot be restored.
package struct SimulatedVenueStateError: Error, CustomStringConvertible {
    package let description: String
}

extension SimulatedVenue {
    /// The venue's state (see ``SimulatedVenueState``); `nil` while commands are in flight (a
    /// latency model delays them), which a snapshot taken between bars at zero latency never sees.
    package func savedState() -> SimulatedVenueState? {
        guard inFlight.isEmpty else { return nil }
        var newIndex: [Int: Int] = [:]
        var open: [SimulatedVenueState.OpenOrder] = []
        for (slot, order) in orders.enumerated() {
            let phase: SimulatedVenueState.OpenOrder.Phase
            switch order.state {
            case .held: phase = .held
            case .working: phase = .working
            case .triggered: phase = .triggered
            case .closed: continue
            }
            newIndex[slot] = open.count
            open.append(SimulatedVenueState.OpenOrder(
                initialized: order.initialized, venueOrderID: order.venueOrderID, book: order.book, sequence: order.sequence,
                phase: phase, quantityRaw: order.quantityRaw, filledRaw: order.filledRaw, priceRaw: order.priceRaw,
                triggerRaw: order.triggerRaw, expiry: order.expiry, auctionClose: order.auctionClose, tsLast: order.tsLast))
        }
        let savedBooks = books.map { book in
            SimulatedVenueState.Book(
                active: book.active.compactMap { newIndex[$0] }, positionRaw: book.positionRaw, positionTsLast: book.positionTsLast,
                bid: book.bid, ask: book.ask, last: book.last, hasBars: book.hasBars, volumeLeft: book.volumeLeft)
        }
        let oldestOpen = open.map(\.initialized.tsInit).min()
        return SimulatedVenueState(
            orders: open, books: savedBooks, balances: account.map { $0.balances.values.map(\.total) } ?? [],
            locks: account.map { $0.locks.map { SimulatedVenueState.Lock(clientOrderID: $0.key, amount: $0.value) } } ?? [],
            venueOrderCount: venueOrderCount, tradeCount: tradeCount,
            fills: oldestOpen.map { since in fillHistory.kept(since: since) } ?? [])
    }

    /// Puts a fresh venue (no order seen yet) in a saved state. Throws, changing nothing, when
    /// the state does not fit this venue (other instruments, indices out of range, bad cash).
    package func restore(_ state: SimulatedVenueState) throws(SimulatedVenueStateError) {
        guard orders.isEmpty, venueOrderCount == 0 else { throw .init(description: "the venue has already traded") }
        guard state.books.count == books.count else {
            throw .init(description: "the saved venue has \(state.books.count) instruments, this one \(books.count)")
        }
        for (n, order) in state.orders.enumerated() {
            guard books.indices.contains(order.book), order.initialized.instrumentID == books[order.book].instrument.id else {
                throw .init(description: "saved order #\(n) (\(order.initialized.clientOrderID)) is not in one of the venue's instruments")
            }
        }
        guard Set(state.orders.map(\.initialized.clientOrderID)).count == state.orders.count else {
            throw .init(description: "the saved venue holds an order twice")
        }
        guard state.venueOrderCount >= 0, state.tradeCount >= 0 else { throw .init(description: "negative saved id counters") }
        try Self.checkOrders(of: state)
        try Self.checkBooks(of: state)
        let restoredAccount = try restoredAccount(state)
        account = restoredAccount
        var restoredOrders = ChunkedBuffer<VenueOrder>()
        for order in state.orders {
            let phase: VenueOrder.State =
                switch order.phase {
                case .held: .held
                case .working: .working
                case .triggered: .triggered
                }
            restoredOrders.append(VenueOrder(
                initialized: order.initialized, venueOrderID: order.venueOrderID, book: order.book, sequence: order.sequence,
                state: phase, quantityRaw: order.quantityRaw, filledRaw: order.filledRaw, priceRaw: order.priceRaw,
                triggerRaw: order.triggerRaw, expiry: order.expiry, auctionClose: order.auctionClose, tsLast: order.tsLast))
        }
        orders = restoredOrders
        slots = SlotIndex()
        for order in orders { slots.append(order.clientOrderID) }
        for (index, saved) in state.books.enumerated() {
            books[index].active = saved.active
            books[index].positionRaw = saved.positionRaw
            books[index].positionTsLast = saved.positionTsLast
            books[index].bid = saved.bid
            books[index].ask = saved.ask
            books[index].last = saved.last
            books[index].hasBars = saved.hasBars
            books[index].volumeLeft = saved.volumeLeft
            books[index].levelsStale = true
        }
        venueOrderCount = state.venueOrderCount
        tradeCount = state.tradeCount
        let firstTradeNumber = state.fills.first.flatMap { tradeNumber(of: $0.tradeID) } ?? 1
        fillHistory = FillHistory(
            capacity: configuration.fillHistoryCapacity, restoring: configuration.keepsFillHistory ? state.fills : [],
            firstTradeNumber: firstTradeNumber)
        nextExpiry = orders.compactMap(\.expiry).min()
        lastLookup = nil
    }

    /// Checks that every saved order's quantities and arrival number are possible: filled within
    /// 0…quantity, a positive quantity, an arrival number the id counter has handed out.
    private static func checkOrders(of state: SimulatedVenueState) throws(SimulatedVenueStateError) {
        for (n, order) in state.orders.enumerated() {
            let name = "saved order #\(n) (\(order.initialized.clientOrderID))"
            guard order.quantityRaw > 0, order.filledRaw >= 0, order.filledRaw <= order.quantityRaw else {
                throw .init(description: "\(name) has quantity \(order.quantityRaw) and filled \(order.filledRaw) (raw)")
            }
            guard order.sequence > 0, order.sequence <= state.venueOrderCount else {
                throw .init(description: "\(name) arrived as #\(order.sequence), past the \(state.venueOrderCount) orders the venue received")
            }
        }
    }

    /// Checks that each saved book's position can be negated and that its active orders are
    /// working or triggered orders of that book, each named once.
    private static func checkBooks(of state: SimulatedVenueState) throws(SimulatedVenueStateError) {
        var seen = Set<Int>()
        for (number, book) in state.books.enumerated() {
            guard book.positionRaw != .min else { throw .init(description: "saved book #\(number) has an impossible position") }
            for index in book.active {
                guard state.orders.indices.contains(index) else {
                    throw .init(description: "saved book #\(number) names order #\(index), which the saved venue does not have")
                }
                guard seen.insert(index).inserted else { throw .init(description: "saved order #\(index) is active twice") }
                let order = state.orders[index]
                guard order.book == number, order.phase != .held else {
                    throw .init(description: "saved book #\(number) names order #\(index), which is not a working order of that book")
                }
            }
        }
    }

    /// The cash account `state` saved (`nil` when this venue keeps none): every balance kept,
    /// zero ones included, with its locks. Throws when only one of the saved venue and this one
    /// keeps an account, or the account is invalid.
    private func restoredAccount(_ state: SimulatedVenueState) throws(SimulatedVenueStateError) -> Account? {
        guard account != nil else {
            guard state.balances.isEmpty, state.locks.isEmpty else {
                throw .init(description: "the saved venue keeps a cash account and this one does not")
            }
            return nil
        }
        guard !state.balances.isEmpty else { throw .init(description: "this venue keeps a cash account and the saved one does not") }
        guard Set(state.balances.map(\.currency)).count == state.balances.count else {
            throw .init(description: "the saved cash account lists a currency twice")
        }
        do {
            // Exactly as saved: a spent currency keeps its zero balance.
            var cash = try Account(id: accountID, balances: state.balances)
            for lock in state.locks { try cash.lock(lock.amount, for: lock.clientOrderID) }
            return cash
        } catch { throw .init(description: "the saved cash account is invalid: \(error)") }
    }
}
