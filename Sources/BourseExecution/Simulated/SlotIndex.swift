import BourseCore

/// The simulated venue's slots by client order id: slot `n` is the `n`-th id added, as in the
/// venue's order array.
struct SlotIndex {
    private var ids = IdentifierIndex<ClientOrderIDKind>()

    /// The slot of the order with this client order id, `nil` when the venue does not know it.
    ///
    /// - Complexity: O(1) expected.
    subscript(id: ClientOrderID) -> Int? { ids.number(of: id) }

    /// Adds `id` (not known yet) as the next slot.
    mutating func append(_ id: ClientOrderID) {
        ids.append(id)
    }

    /// Whether `id` is known, and where it would go when not: admitting an order checks its id
    /// first and adds it after the other checks, hashing it once (see ``IdentifierIndex/probe(_:)``).
    func probe(_ id: ClientOrderID) -> IdentifierIndex<ClientOrderIDKind>.Probe { ids.probe(id) }

    /// Adds `id` as the next slot where ``probe(_:)`` just found room for it.
    mutating func insert(_ id: ClientOrderID, at place: Int) {
        ids.insert(id, at: place)
    }
}
