public import BourseCore
import OrderedCollections

extension JournalState {
    /// The snapshot format's version (independent of the record format's).
    public static let snapshotVersion: UInt8 = 2

    /// The state as bytes: orders as their event histories, signed positions (raw i64 and
    /// precision; version 2, version 1 could not hold a short), balances and counters.
    public func encoded() -> [UInt8] {
        var w = ByteWriter(capacity: 1024)
        w.write(Self.snapshotVersion)
        w.write(lastSequence)
        w.write(lastBarIndex)
        w.write(Int64(fillCount))
        w.writeLength(orders.count)
        for order in orders.values {
            w.writeLength(order.events.count)
            for event in order.events {
                w.write(JournalEntryKind.event(event.kind).rawValue)
                JournalCodec.encode(event, into: &w)
            }
        }
        w.writeLength(positions.count)
        for (id, quantity) in positions {
            w.write(id)
            w.write(signedPosition(id))
            w.write(quantity.precision)
        }
        w.writeLength(account.balances.count)
        for balance in account.balances.values { w.write(balance.total) }
        return w.bytes
    }

    /// A state decoded from ``encoded()``, for the same instruments and account.
    public init(snapshot: Snapshot, instruments: [Instrument], accountID: AccountID) throws(JournalError) {
        let result = snapshot.bytes.withUnsafeBytes { buffer in
            Result { () throws(JournalCodecError) -> JournalState in
                var r = ByteReader(buffer)
                return try JournalState(reading: &r, instruments: instruments, accountID: accountID)
            }
        }
        do { self = try result.get() } catch { throw .codec(sequence: snapshot.sequence, error) }
        guard lastSequence == snapshot.sequence else { throw .sequence(expected: snapshot.sequence, found: lastSequence) }
    }

    private init(reading r: inout ByteReader, instruments: [Instrument], accountID: AccountID) throws(JournalCodecError) {
        let version = try r.readUInt8("snapshot version")
        guard version == Self.snapshotVersion else { throw .unknownVersion(version, supported: Self.snapshotVersion) }
        let sequence = try r.readUInt64("last sequence")
        let barIndex = try r.readInt64("last bar index")
        let fills = try r.readInt64("fill count")
        var orders: [Order] = []
        for _ in 0..<(try r.readLength("order count")) {
            var events: [OrderEvent] = []
            for _ in 0..<(try r.readLength("event count")) {
                let code = try r.readUInt8("event kind")
                guard let kind = JournalEntryKind(rawValue: code) else { throw .unknownKind(code) }
                events.append(try JournalCodec.decodeEvent(kind, &r))
            }
            do { orders.append(try Order(replaying: events)) } catch {
                throw .invalidValue(field: "order history", reason: "\(error)")
            }
        }
        var positions: [(InstrumentID, raw: Int64, precision: UInt8)] = []
        for _ in 0..<(try r.readLength("position count")) {
            let id = try r.readInstrumentID("instrument id")
            let raw = try r.readInt64("position")
            let precision = try r.readUInt8("position precision")
            guard raw != .min, precision <= FixedPoint.maxPrecision else {
                throw .invalidValue(field: "position", reason: "raw \(raw) at precision \(precision) is out of range")
            }
            positions.append((id, raw, precision))
        }
        var balances: [Money] = []
        for _ in 0..<(try r.readLength("balance count")) { balances.append(try r.readMoney("balance")) }
        try r.expectEnd()
        do {
            try self.init(instruments: instruments, accountID: accountID, startingBalances: [])
            try restore(
                orders: orders, positions: positions, balances: balances, fillCount: Int(fills), lastSequence: sequence,
                lastBarIndex: barIndex)
        } catch {
            throw .invalidValue(field: "balances", reason: "\(error)")
        }
    }
}
