import BourseCore
import OrderedCollections

/// The correlation of each pair of return series compared so far, with the versions of the two
/// series it was computed from, so that it is computed again only after one of them records a
/// return. Only pairs an order was checked on are kept (not every pair of the universe).
struct CorrelationCache: Sendable {
    private struct Entry: Sendable {
        var versions: (Int, Int)
        var value: Double?
    }

    /// Keyed by `a << 32 | b` for the series indices `a` and `b`.
    private var entries: [Int: Entry] = [:]

    /// The cached correlation of series `a` and `b` if it is current, else computed now.
    func correlation(_ a: Int, _ b: Int, _ series: OrderedDictionary<InstrumentID, ReturnWindow>, minObservations: Int) -> Double? {
        let x = series.values[a]
        let y = series.values[b]
        if let entry = entries[a << 32 | b], entry.versions == (x.version, y.version) { return entry.value }
        return x.correlation(with: y, minObservations: minObservations)
    }

    /// Computes the correlation of `a` and `b` if the cached one is stale.
    mutating func refresh(_ a: Int, _ b: Int, _ series: OrderedDictionary<InstrumentID, ReturnWindow>, minObservations: Int) {
        let x = series.values[a]
        let y = series.values[b]
        let key = a << 32 | b
        if let entry = entries[key], entry.versions == (x.version, y.version) { return }
        entries[key] = Entry(versions: (x.version, y.version), value: x.correlation(with: y, minObservations: minObservations))
    }
}
