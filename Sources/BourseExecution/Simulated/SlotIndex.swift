import BourseCore
import OrderedCollections

/// The simulated venue's slots by client order id: slot `n` is the `n`-th id added, as in the
/// venue's order array. An ordered set: its compact table of indices grows at a fraction of
/// the cost of a dictionary's (a venue adds one id per order).
struct SlotIndex {
    private var ids = OrderedSet<ClientOrderID>()

    /// The slot of the order with this client order id, `nil` when the venue does not know it.
    ///
    /// - Complexity: O(1) (one hash).
    subscript(id: ClientOrderID) -> Int? { ids.firstIndex(of: id) }

    /// Adds `id` (not known yet) as the next slot.
    mutating func append(_ id: ClientOrderID) {
        ids.append(id)
    }
}
