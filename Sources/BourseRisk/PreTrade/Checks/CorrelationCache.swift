import BourseCore
import OrderedCollections

/// The correlation of pairs of return series, with the versions of the two series it was computed
/// from, so that it is computed again only after one of them records a return.
///
/// One row per series an order was checked for (`rows[a][b]`), created on its first order: the
/// memory grows with the instruments traded times the instruments with returns, not the square of
/// the universe; lookups are two array indexings (no hashing on a pre-trade pass).
struct CorrelationCache: Sendable {
    private struct Entry: Sendable {
        var versions: (Int, Int) = (-1, -1)
        var value: Double?
    }

    private var rows: [[Entry]] = []

    /// The cached correlation of series `a` and `b` if it is current, else computed now.
    func correlation(_ a: Int, _ b: Int, _ series: OrderedDictionary<InstrumentID, ReturnWindow>, minObservations: Int) -> Double? {
        let x = series.values[a]
        let y = series.values[b]
        if a < rows.count, b < rows[a].count, rows[a][b].versions == (x.version, y.version) { return rows[a][b].value }
        return x.correlation(with: y, minObservations: minObservations)
    }

    /// Computes the correlation of `a` and `b` if the cached one is stale.
    mutating func refresh(_ a: Int, _ b: Int, _ series: OrderedDictionary<InstrumentID, ReturnWindow>, minObservations: Int) {
        let x = series.values[a]
        let y = series.values[b]
        if a >= rows.count { rows += Array(repeating: [], count: a + 1 - rows.count) }
        if b >= rows[a].count { rows[a] += Array(repeating: Entry(), count: series.count - rows[a].count) }
        guard rows[a][b].versions != (x.version, y.version) else { return }
        rows[a][b] = Entry(versions: (x.version, y.version), value: x.correlation(with: y, minObservations: minObservations))
    }
}
