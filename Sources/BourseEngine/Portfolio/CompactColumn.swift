/// An append-only column of `Int64` values stored in 4 bytes each when it can be, exactly.
///
/// Values go in blocks of 256. A block keeps its first value as its base and every value as a
/// 32-bit offset from it in units of ``quantum`` (`value = base + offset × quantum`); a block
/// where some value is not such an offset (too far from the base, or off the quantum's grid)
/// becomes *wide* and keeps its values as they are, in a side table. An equity curve's amounts
/// (quantum 1) and its bar timestamps (quantum: the bar step) are nearly always narrow, so the
/// column takes about half the memory of an `[Int64]`; any other input is still stored exactly.
///
/// Appending costs a few integer operations and no reference-count check: the offsets live in
/// memory the column allocates itself and frees when it ends (the column cannot be copied).
///
/// - Complexity: ``append(_:)``, ``replaceLast(with:)`` and the subscript are O(1) (amortized
///   for appends).
struct CompactColumn: ~Copyable {
    private static let blockShift = 8
    private static let blockMask = (1 << blockShift) - 1

    /// The grid step of the offsets (1 for amounts).
    let quantum: Int64
    private(set) var count = 0
    private var capacity: Int
    private var offsets: UnsafeMutablePointer<Int32>
    /// Each block's first value.
    private var bases: [Int64] = []
    /// Each block's start in ``wide`` (`-1`: the block is narrow).
    private var wideStarts: [Int] = []
    /// The values of the wide blocks, block after block.
    private var wide: [Int64] = []
    /// The current block's base and whether it is wide (copies of the tables' last entries).
    private var base: Int64 = 0
    private var isWide = false
    /// The last value and, in a narrow block, its offset (the fast path of a regular step).
    private var last: Int64 = 0
    private var lastOffset: Int32 = 0

    /// An empty column with room for `capacity` values (it grows past them).
    init(quantum: Int64, capacity: Int) {
        self.quantum = max(quantum, 1)
        self.capacity = max(capacity, 16)
        offsets = .allocate(capacity: self.capacity)
        bases.reserveCapacity(self.capacity >> Self.blockShift + 1)
        wideStarts.reserveCapacity(self.capacity >> Self.blockShift + 1)
    }

    deinit { offsets.deallocate() }

    /// Appends `value`.
    @inline(__always)
    mutating func append(_ value: Int64) {
        if count == capacity { grow() }
        let index = count
        count += 1
        if index & Self.blockMask == 0 {
            startBlock(value)
        } else if isWide {
            wide.append(value)
        } else if value == last {
            // An unchanged value (the equity and exposure of a flat portfolio): the last offset again.
            offsets[index] = lastOffset
        } else if value &- last == quantum && lastOffset < Int32.max {
            // The regular step: one quantum after the last value.
            lastOffset += 1
            offsets[index] = lastOffset
        } else if let offset = offset(of: value) {
            lastOffset = offset
            offsets[index] = offset
        } else {
            widenLastBlock(appending: value)
        }
        last = value
    }

    /// Replaces the last value (an equity curve's point whose time repeats).
    @inline(__always)
    mutating func replaceLast(with value: Int64) {
        let index = count - 1
        if isWide {
            wide[wide.count - 1] = value
        } else if let offset = offset(of: value) {
            lastOffset = offset
            offsets[index] = offset
        } else {
            widenLastBlock(appending: value)
        }
        last = value
    }

    /// The value at `index` (`0..<count`).
    subscript(index: Int) -> Int64 {
        precondition(index >= 0 && index < count, "index \(index) out of 0..<\(count)")
        let block = index >> Self.blockShift
        let start = wideStarts[block]
        if start >= 0 { return wide[start + (index & Self.blockMask)] }
        return bases[block] &+ Int64(offsets[index]) &* quantum
    }

    /// The last value, `nil` when empty.
    var lastValue: Int64? { count == 0 ? nil : last }

    /// Every value, in order.
    var values: [Int64] { (0..<count).map { self[$0] } }

    /// Bytes held (offsets allocated, block tables and wide values), for memory reports.
    var bytes: Int {
        capacity * MemoryLayout<Int32>.stride + bases.capacity * 8 + wideStarts.capacity * 8 + wide.capacity * 8
    }

    /// The offset of `value` from the current block's base on the quantum's grid, if it fits.
    @inline(__always)
    private func offset(of value: Int64) -> Int32? {
        let (difference, overflow) = value.subtractingReportingOverflow(base)
        guard !overflow else { return nil }
        if quantum == 1 { return Int32(exactly: difference) }
        let (steps, remainder) = difference.quotientAndRemainder(dividingBy: quantum)
        return remainder == 0 ? Int32(exactly: steps) : nil
    }

    @inline(never)
    private mutating func startBlock(_ value: Int64) {
        bases.append(value)
        wideStarts.append(-1)
        base = value
        isWide = false
        lastOffset = 0
        offsets[count - 1] = 0
    }

    /// Moves the current block's values before the last index (`count - 1`) to the wide table,
    /// then puts `value` there as the last one.
    @inline(never)
    private mutating func widenLastBlock(appending value: Int64) {
        let block = bases.count - 1
        let first = block << Self.blockShift
        let start = wide.count
        for index in first..<(count - 1) { wide.append(bases[block] &+ Int64(offsets[index]) &* quantum) }
        wide.append(value)
        wideStarts[block] = start
        isWide = true
    }

    @inline(never)
    private mutating func grow() {
        let larger = capacity * 2
        let moved = UnsafeMutablePointer<Int32>.allocate(capacity: larger)
        moved.moveInitialize(from: offsets, count: count)
        offsets.deallocate()
        offsets = moved
        capacity = larger
    }
}
