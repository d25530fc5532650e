/// An array that grows by adding fixed-size chunks instead of reallocating: appending never
/// moves the elements already stored, and every chunk is a small allocation (as many elements
/// as fit in 32 KB, and one element when a single one is larger) that the allocator recycles, so a book of large records grows without the copies and the
/// fresh pages of a doubling array. Elements can be dropped from the front (whole chunks are
/// then released), so a bounded history keeps its memory flat.
///
/// Indices are absolute: element `i` keeps index `i` after elements before it are dropped
/// (``startIndex`` moves up).
///
/// ```swift
/// var buffer = ChunkedBuffer<Int>()
/// buffer.append(7)
/// buffer[0] += 1          // in place
/// buffer.removeFirst(1)   // startIndex is now 1
/// ```
///
/// The chunks check their own bounds; reading below ``startIndex`` is caught in debug builds.
///
/// - Complexity: append and subscript are O(1) amortized. `removeFirst(_:)` is O(1) unless it
///   releases chunks; then it also shifts the array of remaining chunks (O(number of chunks),
///   one pointer each, once per chunk released).
struct ChunkedBuffer<Element>: RandomAccessCollection, MutableCollection {
    private var chunks: [[Element]] = []
    /// log2 of the elements per chunk.
    private let shift: Int
    /// Chunks released from the front.
    private var releasedChunks = 0
    private(set) var startIndex = 0
    private(set) var endIndex = 0

    init() {
        let stride = Swift.max(1, MemoryLayout<Element>.stride)
        var shift = 0
        while (2 << shift) * stride <= 32_768 { shift += 1 }
        self.shift = shift
    }

    private var chunkSize: Int { 1 << shift }

    /// The element at `position`, read and written in place (never copied out whole).
    subscript(position: Int) -> Element {
        @inline(__always) _read {
            assert(position >= startIndex && position < endIndex, "index out of range")
            yield chunks[(position >> shift) - releasedChunks][position & (chunkSize - 1)]
        }
        @inline(__always) _modify {
            assert(position >= startIndex && position < endIndex, "index out of range")
            yield &chunks[(position >> shift) - releasedChunks][position & (chunkSize - 1)]
        }
    }

    func index(after i: Int) -> Int { i + 1 }
    func index(before i: Int) -> Int { i - 1 }

    /// Appends `element` at index ``endIndex``.
    mutating func append(_ element: consuming Element) {
        if endIndex & (chunkSize - 1) == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(chunkSize)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(element)
        endIndex += 1
    }

    /// Drops the first `k` elements (at most ``count``), releasing the chunks that hold no kept element.
    mutating func removeFirst(_ k: Int) {
        startIndex = Swift.min(endIndex, startIndex + Swift.max(0, k))
        let releasable = (startIndex >> shift) - releasedChunks
        guard releasable > 0 else { return }
        chunks.removeFirst(releasable)
        releasedChunks += releasable
    }
}
