import BourseCore
import BourseExecution

extension SimulatedVenueState {
    /// Appends the state (a part of a paper session's snapshot).
    func encode(into w: inout ByteWriter) {
        w.writeLength(orders.count)
        for order in orders {
            JournalCodec.encode(order.initialized, into: &w)
            w.write(order.venueOrderID)
            w.writeLength(order.book)
            w.writeLength(order.sequence)
            w.write(order.phase.rawValue)
            w.write(order.quantityRaw)
            w.write(order.filledRaw)
            w.writeOptional(order.priceRaw) { $0.write($1) }
            w.writeOptional(order.triggerRaw) { $0.write($1) }
            w.writeOptional(order.expiry) { $0.write($1) }
            w.writeOptional(order.auctionClose) { $0.write($1) }
            w.write(order.tsLast)
        }
        w.writeLength(books.count)
        for book in books {
            w.writeLength(book.active.count)
            for index in book.active { w.writeLength(index) }
            w.write(book.positionRaw)
            w.writeOptional(book.positionTsLast) { $0.write($1) }
            w.writeOptional(book.bid) { $0.write($1) }
            w.writeOptional(book.ask) { $0.write($1) }
            w.writeOptional(book.last) { $0.write($1) }
            w.write(book.hasBars)
            w.writeOptional(book.volumeLeft) { $0.write($1) }
        }
        w.writeLength(balances.count)
        for balance in balances { w.write(balance) }
        w.writeLength(locks.count)
        for lock in locks {
            w.write(lock.clientOrderID)
            w.write(lock.amount)
        }
        w.writeLength(venueOrderCount)
        w.writeLength(tradeCount)
        w.writeLength(fills.count)
        for fill in fills { JournalCodec.encode(.filled(fill), into: &w) }
    }

    /// Reads what ``encode(into:)`` wrote.
    init(reading r: inout ByteReader) throws(JournalCodecError) {
        var orders: [OpenOrder] = []
        for _ in 0..<(try r.readLength("venue order count")) {
            let initialized = try JournalCodec.decodeOrder(&r)
            let venueOrderID: VenueOrderID = try r.readIdentifier("venue order id")
            let book = try r.readLength("book")
            let sequence = try r.readLength("venue order sequence")
            let code = try r.readUInt8("venue order phase")
            guard let phase = OpenOrder.Phase(rawValue: code) else {
                throw .invalidValue(field: "venue order phase", reason: "unknown phase \(code)")
            }
            orders.append(OpenOrder(
                initialized: initialized, venueOrderID: venueOrderID, book: book, sequence: sequence, phase: phase,
                quantityRaw: try r.readInt64("quantity"), filledRaw: try r.readInt64("filled"),
                priceRaw: try r.readOptional("price") { r throws(JournalCodecError) in try r.readInt64("price") },
                triggerRaw: try r.readOptional("trigger") { r throws(JournalCodecError) in try r.readInt64("trigger") },
                expiry: try r.readOptional("expiry") { r throws(JournalCodecError) in try r.readUnixNanos("expiry") },
                auctionClose: try r.readOptional("auction close") { r throws(JournalCodecError) in try r.readUnixNanos("auction close") },
                tsLast: try r.readUnixNanos("ts last")))
        }
        var books: [Book] = []
        for _ in 0..<(try r.readLength("book count")) {
            var active: [Int] = []
            for _ in 0..<(try r.readLength("active count")) { active.append(try r.readLength("active order")) }
            books.append(Book(
                active: active, positionRaw: try r.readInt64("position"),
                positionTsLast: try r.readOptional("position ts") { r throws(JournalCodecError) in try r.readUnixNanos("position ts") },
                bid: try r.readOptional("bid") { r throws(JournalCodecError) in try r.readInt64("bid") },
                ask: try r.readOptional("ask") { r throws(JournalCodecError) in try r.readInt64("ask") },
                last: try r.readOptional("last") { r throws(JournalCodecError) in try r.readInt64("last") },
                hasBars: try r.readBool("has bars"),
                volumeLeft: try r.readOptional("volume left") { r throws(JournalCodecError) in try r.readInt64("volume left") }))
        }
        var balances: [Money] = []
        for _ in 0..<(try r.readLength("balance count")) { balances.append(try r.readMoney("balance")) }
        var locks: [Lock] = []
        for _ in 0..<(try r.readLength("lock count")) {
            locks.append(Lock(clientOrderID: try r.readIdentifier("locked order"), amount: try r.readMoney("lock")))
        }
        let venueOrderCount = try r.readLength("venue order counter")
        let tradeCount = try r.readLength("trade counter")
        var fills: [OrderFilled] = []
        for _ in 0..<(try r.readLength("fill count")) {
            guard case .filled(let fill) = try JournalCodec.decodeEvent(.event(.filled), &r) else {
                throw .invalidValue(field: "venue fill", reason: "not a fill")
            }
            fills.append(fill)
        }
        self.init(
            orders: orders, books: books, balances: balances, locks: locks, venueOrderCount: venueOrderCount, tradeCount: tradeCount,
            fills: fills)
    }
}
