public import BourseCore

/// What a store does when imported data overlaps data it already holds.
public enum OverlapPolicy: String, Sendable, Hashable, CaseIterable {
    /// Refuse the whole import if any stored row falls in the imported time range.
    case refuse
    /// Merge: imported rows replace stored rows at the same timestamps (bars), or the
    /// stored ticks in the imported time range (ticks); other stored rows stay.
    case merge
}

/// A stored bar series and its extent.
public struct StoredSeries: Sendable, Hashable {
    public let barType: BarType
    public let pricePrecision: UInt8
    public let sizePrecision: UInt8
    public let count: Int
    public let first: UnixNanos?
    public let last: UnixNanos?

    public init(barType: BarType, pricePrecision: UInt8, sizePrecision: UInt8, count: Int, first: UnixNanos?, last: UnixNanos?) {
        self.barType = barType
        self.pricePrecision = pricePrecision
        self.sizePrecision = sizePrecision
        self.count = count
        self.first = first
        self.last = last
    }
}

/// Why a store refused an operation. Nothing was written when this is thrown.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stored data overlaps the import and the policy is `.refuse`.
    case overlap(series: String, storedRows: Int, from: UnixNanos, to: UnixNanos)
    /// The import's precisions differ from the stored series'.
    case precisionMismatch(series: String, stored: String, imported: String)
    /// The rows to import are not strictly increasing in time (or ticks go backwards).
    case unordered(series: String, index: Int)
    /// The database failed.
    case database(String)

    public var description: String {
        switch self {
        case .overlap(let series, let rows, let from, let to):
            "\(series): \(rows) stored row(s) between \(CivilDateTime(from).iso8601) and \(CivilDateTime(to).iso8601) overlap the import; nothing imported (merge explicitly to replace them)"
        case .precisionMismatch(let series, let stored, let imported):
            "\(series): stored with precisions \(stored), import has \(imported); nothing imported"
        case .unordered(let series, let index): "\(series): row \(index) is not after the previous row; nothing imported"
        case .database(let reason): "database error: \(reason)"
        }
    }
}

/// Stores bars and ticks. Every import is one transaction: all or nothing.
///
/// Implementations: ``InMemoryMarketDataStore`` and `SQLiteMarketDataStore` (BourseSQLite);
/// both pass the same contract suite.
public protocol MarketDataStore: Sendable {
    /// Stores a bar series; returns how many rows were written.
    @discardableResult
    func importBars(_ series: BarSeries, policy: OverlapPolicy) throws(StoreError) -> Int
    /// The stored bars of `barType` with close time in `range` (all when `nil`); `nil` if no such series.
    func bars(_ barType: BarType, in range: ClosedRange<UnixNanos>?) throws(StoreError) -> BarSeries?
    /// Every stored series, sorted by bar type text.
    func series() throws(StoreError) -> [StoredSeries]
    /// Stores trade ticks (one instrument, non-decreasing time).
    @discardableResult
    func importTrades(_ ticks: [TradeTick], policy: OverlapPolicy) throws(StoreError) -> Int
    func trades(_ instrumentID: InstrumentID, in range: ClosedRange<UnixNanos>?) throws(StoreError) -> [TradeTick]
    /// Stores quote ticks (one instrument, non-decreasing time).
    @discardableResult
    func importQuotes(_ ticks: [QuoteTick], policy: OverlapPolicy) throws(StoreError) -> Int
    func quotes(_ instrumentID: InstrumentID, in range: ClosedRange<UnixNanos>?) throws(StoreError) -> [QuoteTick]
}

/// The instrument registry.
public protocol InstrumentStore: Sendable {
    /// Adds or replaces an instrument.
    func save(_ instrument: Instrument) throws(StoreError)
    func instrument(_ id: InstrumentID) throws(StoreError) -> Instrument?
    /// Every instrument, sorted by id.
    func instruments() throws(StoreError) -> [Instrument]
}

extension BarSeries {
    /// Checks that timestamps strictly increase (what every store requires).
    package func checkOrdered() throws(StoreError) {
        for i in timestamps.indices.dropFirst() where timestamps[i] <= timestamps[i - 1] {
            throw .unordered(series: barType.description, index: i)
        }
    }
}

extension Sequence {
    /// Checks that tick timestamps never go backwards.
    package func checkTicksOrdered(_ time: (Element) -> UnixNanos, series: String) throws(StoreError) {
        var previous: UnixNanos?
        for (i, tick) in enumerated() {
            if let previous, time(tick) < previous { throw .unordered(series: series, index: i) }
            previous = time(tick)
        }
    }
}
