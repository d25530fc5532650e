import BourseCore

/// Ids numbered 0, 1, 2, … in the order they were added, and the number of each id: the order
/// manager's and the simulated venue's index of client order ids.
///
/// An open-addressing table (linear probing, at most half full) of 32-bit numbers keyed by
/// ``Identifier/fastHash(seed:)`` (a multiply-fold keyed by a random seed per index, so ids an
/// outsider chooses cannot be made to collide), with the ids in a ``ChunkedBuffer``. Compared
/// with an `OrderedSet`, hashing an id takes a few instructions instead of SipHash, which also
/// makes the rehash when the table grows cheap. The seed changes only where ids sit in the table:
/// the numbering (insertion order) is deterministic. Holds up to 2³² − 1 ids (trapping beyond).
///
/// - Complexity: lookup and append O(1) expected (table at most half full).
struct IdentifierIndex<Kind: IdentifierKind> {
    private var ids = ChunkedBuffer<Identifier<Kind>>()
    /// Slot → id number + 1 (0: empty). Its count is a power of two.
    private var table: [UInt32] = Array(repeating: 0, count: 16)
    /// 64 − log2(table count): the shift that takes a hash's high bits to a slot.
    private var shift: UInt64 = 60
    /// The hash key of this index.
    let seed: UInt64

    /// An empty index with a fresh random seed.
    init() { seed = UInt64.random(in: .min ... .max) }

    /// Number of ids.
    var count: Int { ids.count }

    /// The id numbered `number`.
    subscript(number: Int) -> Identifier<Kind> { ids[number] }

    /// Where an id is in the table: its number, or the empty table slot where it would go.
    enum Probe {
        case found(number: Int)
        /// Valid for ``insert(_:at:)`` until the index next changes.
        case absent(slot: Int)
    }

    /// Finds `id` (one hash, one probe sequence).
    func probe(_ id: Identifier<Kind>) -> Probe {
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: id.fastHash(seed: seed) >> shift)
        while true {
            let entry = table[slot]
            if entry == 0 { return .absent(slot: slot) }
            if ids[Int(entry) - 1] == id { return .found(number: Int(entry) - 1) }
            slot = (slot + 1) & mask
        }
    }

    /// The number of `id`, `nil` when it was not added.
    func number(of id: Identifier<Kind>) -> Int? {
        if case .found(let number) = probe(id) { number } else { nil }
    }

    /// Adds `id` as the next number; `false`, changing nothing, when it was already added.
    @discardableResult
    mutating func append(_ id: Identifier<Kind>) -> Bool {
        guard case .absent(let slot) = probe(id) else { return false }
        insert(id, at: slot)
        return true
    }

    /// Adds `id` as the next number at the table slot a ``probe(_:)`` of it just answered, without
    /// hashing it again (for a caller that checks first and adds later, with no change in between).
    mutating func insert(_ id: Identifier<Kind>, at slot: Int) {
        assert(table[slot] == 0, "stale probe")
        ids.append(id)
        table[slot] = UInt32(ids.count)
        if ids.count * 2 > table.count { grow() }
    }

    /// Doubles the table and puts every number back.
    private mutating func grow() {
        table = Array(repeating: 0, count: table.count * 2)
        shift -= 1
        let mask = table.count - 1
        for number in ids.indices {
            var slot = Int(truncatingIfNeeded: ids[number].fastHash(seed: seed) >> shift)
            while table[slot] != 0 { slot = (slot + 1) & mask }
            table[slot] = UInt32(number + 1)
        }
    }
}
