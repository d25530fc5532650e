public import BourseCore

/// Session-anchored volume-weighted average price: `Σ typical·volume / Σ volume` since
/// the start of the current session (TA-Lib has none).
///
/// The sums restart on the first observation of a new session (``SessionRule``).
/// Ready once the session has traded volume (> 0); NaN before. A ``Bar`` is placed in
/// the session of the instant just before its close (`tsEvent − 1 ns`), so a daily bar
/// closing at midnight belongs to the day it covers. Lookback 0.
/// - Complexity: O(1) per update, allocation-free.
public struct VWAP: Indicator, Sendable {
    /// One timed observation.
    public struct Sample: Sendable, Hashable {
        public var bar: HLCV
        public var time: UnixNanos

        @inlinable
        public init(_ bar: HLCV, time: UnixNanos) {
            self.bar = bar
            self.time = time
        }
    }

    public typealias Input = Sample

    public let sessions: SessionRule
    @usableFromInline var session = Int64.min
    @usableFromInline var priceVolume = 0.0
    @usableFromInline var volume = 0.0

    public init(sessions: SessionRule = .utcDay) { self.sessions = sessions }

    public var lookback: Int { 0 }
    @inlinable public var isReady: Bool { volume > 0 }
    @inlinable public var value: Double { volume > 0 ? priceVolume / volume : .nan }

    @inlinable
    public mutating func update(_ sample: Sample) {
        let s = sessions.session(of: sample.time)
        if s != session {
            session = s
            priceVolume = 0
            volume = 0
        }
        priceVolume += sample.bar.typicalPrice * sample.bar.volume
        volume += sample.bar.volume
    }

    /// Feeds a bar, placed in the session of `tsEvent − 1 ns`.
    @inlinable
    public mutating func update(_ bar: Bar) {
        update(Sample(HLCV(bar), time: UnixNanos(bar.tsEvent.rawValue &- 1)))
    }

    public mutating func reset() {
        session = .min
        priceVolume = 0
        volume = 0
    }
}
