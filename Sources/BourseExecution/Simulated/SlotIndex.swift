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
}
