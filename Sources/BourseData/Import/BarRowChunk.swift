/// A fixed block of parsed rows, column by column, moved into a ``BarSeries`` by six
/// bulk copies: importers fill it row by row without the per-element bookkeeping
/// (uniqueness and capacity checks) of six `Array.append` calls per row.
///
/// Copies share one block of memory: a chunk belongs to one importer, which never copies it.
struct BarRowChunk {
    /// Rows per chunk: 6 columns × 4096 rows × 8 bytes = 192 KiB, cache-resident.
    static let capacity = 4096

    /// The block's memory, freed with its last reference.
    private final class Memory {
        let base = UnsafeMutablePointer<Int64>.allocate(capacity: 6 * BarRowChunk.capacity)
        deinit { base.deallocate() }
    }

    private let memory = Memory()
    private let storage: UnsafeMutablePointer<Int64>
    private(set) var count = 0

    init() { storage = memory.base }

    var isFull: Bool { count == Self.capacity }

    /// Adds one row of raw values.
    @inline(__always)
    mutating func append(timestamp: Int64, open: Int64, high: Int64, low: Int64, close: Int64, volume: Int64) {
        let n = Self.capacity
        storage[count] = timestamp
        storage[n &+ count] = open
        storage[2 &* n &+ count] = high
        storage[3 &* n &+ count] = low
        storage[4 &* n &+ count] = close
        storage[5 &* n &+ count] = volume
        count &+= 1
    }

    /// Appends the rows to `series` and empties the chunk.
    mutating func flush(into series: inout BarSeries) {
        guard count > 0 else { return }
        func column(_ k: Int) -> UnsafeBufferPointer<Int64> { UnsafeBufferPointer(start: storage + k * Self.capacity, count: count) }
        series.timestamps.append(contentsOf: column(0))
        series.opens.append(contentsOf: column(1))
        series.highs.append(contentsOf: column(2))
        series.lows.append(contentsOf: column(3))
        series.closes.append(contentsOf: column(4))
        series.volumes.append(contentsOf: column(5))
        count = 0
    }
}
