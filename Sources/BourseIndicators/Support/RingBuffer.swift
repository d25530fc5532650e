/// A fixed-capacity circular buffer of `Double`s, allocated once at init.
///
/// Value semantics come from the `ContiguousArray` storage (copy on write): copying an
/// indicator copies its window; a unique buffer is mutated in place, without allocating.
@usableFromInline
struct RingBuffer: Sendable {
    @usableFromInline var storage: ContiguousArray<Double>
    /// The slot the next ``push(_:)`` writes; when full, also the oldest element.
    @usableFromInline var next: Int
    @usableFromInline var count: Int

    @usableFromInline
    init(capacity: Int) {
        storage = ContiguousArray(repeating: 0, count: capacity)
        next = 0
        count = 0
    }

    @inlinable var capacity: Int { storage.count }
    @inlinable var isFull: Bool { count == storage.count }

    /// Appends `x`, returning the element it overwrote: the oldest when the buffer was
    /// full, `0` before (the storage starts zeroed). - Complexity: O(1).
    @inlinable @inline(__always) @discardableResult
    mutating func push(_ x: Double) -> Double {
        let evicted = storage[next]
        storage[next] = x
        next += 1
        if next == storage.count { next = 0 }
        if count < storage.count { count += 1 }
        return evicted
    }

    /// The oldest element of a full buffer.
    @inlinable var oldest: Double { storage[next] }

    /// Empties the buffer and zeroes the storage (no allocation).
    @usableFromInline
    mutating func removeAll() {
        for i in storage.indices { storage[i] = 0 }
        next = 0
        count = 0
    }

    /// Calls `body` on each element from the oldest to the newest.
    @inlinable
    func forEachChronologically(_ body: (Double) -> Void) {
        let start = isFull ? next : 0
        for i in start..<count { body(storage[i]) }
        if isFull { for i in 0..<start { body(storage[i]) } }
    }
}
