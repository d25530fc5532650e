import BourseCore
import BourseExecution

/// What a ``KernelPaperSession`` saves beside the journal's state (``Snapshot/session``), so a
/// restart resumes after the snapshot's bar instead of re-running from the first: the kernel's
/// place in its input, its counters, the strategy's state (``RestorableStrategy``) and the
/// simulated venue. Taken only where no order works and none waits to be sized (see
/// ``Kernel/sessionSnapshot(eventsProcessed:)``); positions and cash are rebuilt from the
/// journal's fills.
struct KernelSessionSnapshot: Hashable {
    /// The format's tag and version (`K`, distinct from ``PaperSessionSnapshot``'s version byte).
    static let version: UInt8 = 0x4B

    /// Events the session had processed.
    var eventsProcessed: Int
    /// The data engine's next row per stream.
    var cursor: [Int]
    /// The kernel clock's time.
    var now: UnixNanos
    /// The number in the next client order id.
    var nextClientOrder: Int
    /// The journal recorder's signal counter (correlation ids `SIG-n`) and the time of its last signal.
    var signalCount: Int
    var signalTime: UnixNanos?
    /// The last bar processed (``PaperSessionSnapshot/fingerprint(_:)``) of each stream, empty before its
    /// first: the bars before the snapshot are not re-run, so a restart checks at least those.
    var lastBars: [[Int64]]
    var strategy: [UInt8]
    var venue: SimulatedVenueState

    func encoded() -> [UInt8] {
        var w = ByteWriter(capacity: 512)
        w.write(Self.version)
        w.writeLength(eventsProcessed)
        w.writeLength(cursor.count)
        for row in cursor { w.writeLength(row) }
        w.write(now)
        w.writeLength(nextClientOrder)
        w.writeLength(signalCount)
        w.writeOptional(signalTime) { $0.write($1) }
        w.writeLength(lastBars.count)
        for bar in lastBars {
            w.writeLength(bar.count)
            for value in bar { w.write(value) }
        }
        w.writeLength(strategy.count)
        w.append(raw: strategy)
        venue.encode(into: &w)
        return w.bytes
    }

    init(
        eventsProcessed: Int, cursor: [Int], now: UnixNanos, nextClientOrder: Int, signalCount: Int, signalTime: UnixNanos?,
        lastBars: [[Int64]], strategy: [UInt8], venue: SimulatedVenueState
    ) {
        self.eventsProcessed = eventsProcessed
        self.cursor = cursor
        self.now = now
        self.nextClientOrder = nextClientOrder
        self.signalCount = signalCount
        self.signalTime = signalTime
        self.lastBars = lastBars
        self.strategy = strategy
        self.venue = venue
    }

    /// Decodes ``encoded()``'s bytes.
    init(bytes: [UInt8]) throws(JournalCodecError) {
        self = try ByteReader.readWhole(bytes) { r throws(JournalCodecError) in
            let version = try r.readUInt8("kernel session snapshot version")
            guard version == Self.version else { throw .unknownVersion(version, supported: Self.version) }
            let events = try r.readLength("events processed")
            var cursor: [Int] = []
            for _ in 0..<(try r.readLength("stream count")) { cursor.append(try r.readLength("next row")) }
            let now = try r.readUnixNanos("clock")
            let nextClientOrder = try r.readLength("next client order")
            let signalCount = try r.readLength("signal count")
            let signalTime = try r.readOptional("signal time") { r throws(JournalCodecError) in try r.readUnixNanos("signal time") }
            var lastBars: [[Int64]] = []
            for _ in 0..<(try r.readLength("last bar count")) {
                var bar: [Int64] = []
                for _ in 0..<(try r.readLength("last bar length")) { bar.append(try r.readInt64("last bar")) }
                lastBars.append(bar)
            }
            var strategy: [UInt8] = []
            for _ in 0..<(try r.readLength("strategy state length")) { strategy.append(try r.readUInt8("strategy state")) }
            return KernelSessionSnapshot(
                eventsProcessed: events, cursor: cursor, now: now, nextClientOrder: nextClientOrder, signalCount: signalCount,
                signalTime: signalTime, lastBars: lastBars, strategy: strategy, venue: try SimulatedVenueState(reading: &r))
        }
    }
}
