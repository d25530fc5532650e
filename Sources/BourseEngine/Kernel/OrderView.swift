public import BourseCore

/// What strategies and results see of a run's orders: every order the strategy created, in
/// creation order — those sent to the order manager (its book is the source) and those the
/// risk engine or the account denied before they could be sent — and the client order ids.
///
/// Client order ids are `O-<n>` with `n` counting from 1 in creation order, so two runs of one
/// configuration produce the same ids.
public final class OrderView {
    /// The order manager's book, by id.
    let sentOrder: (ClientOrderID) -> Order?
    /// The order manager's open orders, in the order they were sent.
    let openSentOrders: () -> [Order]
    /// Orders denied before reaching the order manager.
    var denied: [ClientOrderID: Order] = [:]
    /// Every order id, in the order the orders were sent or denied.
    private(set) var sequence: [ClientOrderID] = []
    /// The number in the next client order id (`O-<n>`).
    var nextClientOrder = 1

    init(sentOrder: @escaping (ClientOrderID) -> Order?, openSentOrders: @escaping () -> [Order]) {
        self.sentOrder = sentOrder
        self.openSentOrders = openSentOrders
    }

    /// `O-`, the prefix of every client order id.
    private static let clientOrderPrefix = try! ClientOrderID("O-")

    /// A fresh client order id.
    ///
    /// - Complexity: O(1), without allocation (see ``Identifier/init(prefix:number:)``).
    public func nextClientOrderID() -> ClientOrderID {
        defer { nextClientOrder += 1 }
        // `O-` and at most 19 digits is within the 64-character limit: never throws.
        return try! ClientOrderID(prefix: Self.clientOrderPrefix, number: UInt64(nextClientOrder))
    }

    /// The order with this id.
    public func order(_ id: ClientOrderID) -> Order? { sentOrder(id) ?? denied[id] }

    /// Every order, in the order it was sent or denied.
    public var all: [Order] { sequence.compactMap(order) }

    /// Orders not closed yet, in the order they were sent (denied orders are closed).
    ///
    /// - Complexity: O(open orders), whatever the number of orders of the run.
    public var openOrders: [Order] { openSentOrders() }

    /// Records that an order was sent to the order manager.
    func recordSent(_ id: ClientOrderID) { sequence.append(id) }

    /// Records an order denied before it was sent.
    func recordDenied(_ order: Order) {
        denied[order.clientOrderID] = order
        sequence.append(order.clientOrderID)
    }
}
