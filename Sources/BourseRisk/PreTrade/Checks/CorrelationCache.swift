import BourseCore
import OrderedCollections

/// The correlation of each pair of return series, with the versions of the two series it was
/// computed from, so that it is computed again only after one of them records a return.
struct CorrelationCache: Sendable {
    /// One entry per ordered pair `(a, b)` at `a × size + b`.
    private struct Entry: Sendable {
        var versions: (Int, Int) = (-1, -1)
        var value: Double?
    }

    private var size = 0
    private var entries: [Entry] = []

    /// The cached correlation of series `a` and `b` if it is current, else computed now.
    func correlation(_ a: Int, _ b: Int, _ series: OrderedDictionary<InstrumentID, ReturnWindow>, minObservations: Int) -> Double? {
        let x = series.values[a]
        let y = series.values[b]
        if a < size, b < size {
            let entry = entries[a * size + b]
            if entry.versions == (x.version, y.version) { return entry.value }
        }
        return x.correlation(with: y, minObservations: minObservations)
    }

    /// Computes the correlation of `a` and `b` if the cached one is stale.
    mutating func refresh(_ a: Int, _ b: Int, _ series: OrderedDictionary<InstrumentID, ReturnWindow>, minObservations: Int) {
        if max(a, b) >= size { grow(to: series.count) }
        let x = series.values[a]
        let y = series.values[b]
        let index = a * size + b
        guard entries[index].versions != (x.version, y.version) else { return }
        entries[index] = Entry(versions: (x.version, y.version), value: x.correlation(with: y, minObservations: minObservations))
    }

    /// Room for `count` series; the cached values are recomputed on demand afterwards.
    private mutating func grow(to count: Int) {
        size = max(count, size * 2)
        entries = Array(repeating: Entry(), count: size * size)
    }
}
