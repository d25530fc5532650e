import BourseCore
import BourseExecution
import OrderedCollections

/// What a ``PaperSession`` saves beside the journal's state (``Snapshot/session``), so a restart
/// resumes right after the snapshot's bar: the simulated venue (it stands in for a broker, which
/// would survive the crash), the strategy's state (``RestorableStrategy``) and the session's own
/// counters. The journal's state at the snapshot gives the order manager its open orders.
struct PaperSessionSnapshot: Hashable {
    /// The format's version (independent of the record format's and the journal state's).
    static let version: UInt8 = 1

    /// The bar the session resumes at.
    var nextBarIndex: Int
    /// Orders the session has created (the next client order id is `P-<orderCount + 1>`).
    var orderCount: Int
    /// The bar each working order was sent at.
    var sentAt: OrderedDictionary<ClientOrderID, Int64>
    /// The correlation id of each working order.
    var correlations: OrderedDictionary<ClientOrderID, String>
    /// The last bar run before the snapshot (``fingerprint(_:)``), empty before the first: a restart
    /// re-runs none of the bars before the snapshot, so it checks at least that one is unchanged.
    var lastBar: [Int64]
    var strategy: [UInt8]
    var venue: SimulatedVenueState

    func encoded() -> [UInt8] {
        var w = ByteWriter(capacity: 512)
        w.write(Self.version)
        w.writeLength(nextBarIndex)
        w.writeLength(orderCount)
        w.writeLength(sentAt.count)
        for (id, bar) in sentAt {
            w.write(id)
            w.write(bar)
        }
        w.writeLength(correlations.count)
        for (id, correlation) in correlations {
            w.write(id)
            w.write(correlation)
        }
        w.writeLength(lastBar.count)
        for value in lastBar { w.write(value) }
        w.writeLength(strategy.count)
        for byte in strategy { w.write(byte) }
        venue.encode(into: &w)
        return w.bytes
    }

    init(
        nextBarIndex: Int, orderCount: Int, sentAt: OrderedDictionary<ClientOrderID, Int64>,
        correlations: OrderedDictionary<ClientOrderID, String>, lastBar: [Int64], strategy: [UInt8], venue: SimulatedVenueState
    ) {
        self.nextBarIndex = nextBarIndex
        self.orderCount = orderCount
        self.sentAt = sentAt
        self.correlations = correlations
        self.lastBar = lastBar
        self.strategy = strategy
        self.venue = venue
    }

    /// A bar's values (open, high, low, close, volume, close time), to recognise it again.
    static func fingerprint(_ bar: Bar) -> [Int64] {
        [bar.open.raw, bar.high.raw, bar.low.raw, bar.close.raw, bar.volume.raw, bar.tsEvent.rawValue]
    }

    /// Decodes ``encoded()``'s bytes.
    init(bytes: [UInt8]) throws(JournalCodecError) {
        self = try ByteReader.readWhole(bytes) { r throws(JournalCodecError) in
            let version = try r.readUInt8("session snapshot version")
            guard version == Self.version else { throw .unknownVersion(version, supported: Self.version) }
            let nextBarIndex = try r.readLength("next bar")
            let orderCount = try r.readLength("order count")
            var sentAt: OrderedDictionary<ClientOrderID, Int64> = [:]
            for _ in 0..<(try r.readLength("working order count")) {
                let id: ClientOrderID = try r.readIdentifier("working order")
                sentAt[id] = try r.readInt64("sent at bar")
            }
            var correlations: OrderedDictionary<ClientOrderID, String> = [:]
            for _ in 0..<(try r.readLength("correlation count")) {
                let id: ClientOrderID = try r.readIdentifier("correlated order")
                correlations[id] = try r.readString("correlation id")
            }
            var lastBar: [Int64] = []
            for _ in 0..<(try r.readLength("last bar length")) { lastBar.append(try r.readInt64("last bar")) }
            var strategy: [UInt8] = []
            for _ in 0..<(try r.readLength("strategy state length")) { strategy.append(try r.readUInt8("strategy state")) }
            return PaperSessionSnapshot(
                nextBarIndex: nextBarIndex, orderCount: orderCount, sentAt: sentAt, correlations: correlations, lastBar: lastBar,
                strategy: strategy, venue: try SimulatedVenueState(reading: &r))
        }
    }
}
