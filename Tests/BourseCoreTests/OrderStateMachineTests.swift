import BourseCore
import BourseTestKit
import Testing

/// Every (status, event) pair: either the order moves to the status this table expects, or
/// `apply` throws `invalidTransition`. The table is written out here independently of
/// `Order.transition(from:on:)`. Fills are partial (1 of 100); pending statuses are reached
/// from `accepted`, so "back to the previous status" means `accepted`.
private let expected: [OrderStatus: [OrderEventKind: OrderStatus]] = [
    .initialized: [
        .denied: .denied, .submitted: .submitted, .accepted: .accepted, .rejected: .rejected,
        .canceled: .canceled, .expired: .expired, .triggered: .triggered, .updated: .initialized,
    ],
    .denied: [:],
    .submitted: [
        .accepted: .accepted, .rejected: .rejected, .canceled: .canceled, .pendingUpdate: .pendingUpdate,
        .pendingCancel: .pendingCancel, .cancelRejected: .submitted, .updated: .submitted, .filled: .partiallyFilled,
    ],
    .accepted: [
        .rejected: .rejected, .canceled: .canceled, .expired: .expired, .triggered: .triggered,
        .pendingUpdate: .pendingUpdate, .pendingCancel: .pendingCancel, .modifyRejected: .accepted,
        .cancelRejected: .accepted, .updated: .accepted, .filled: .partiallyFilled,
    ],
    .rejected: [:],
    .canceled: [.filled: .canceled],
    .expired: [.filled: .expired],
    .triggered: [
        .rejected: .rejected, .canceled: .canceled, .expired: .expired, .pendingUpdate: .pendingUpdate,
        .pendingCancel: .pendingCancel, .modifyRejected: .triggered, .cancelRejected: .triggered,
        .updated: .triggered, .filled: .partiallyFilled,
    ],
    .pendingUpdate: [
        .accepted: .accepted, .rejected: .rejected, .canceled: .canceled, .expired: .expired,
        .triggered: .triggered, .pendingUpdate: .pendingUpdate, .pendingCancel: .pendingCancel,
        .modifyRejected: .accepted, .cancelRejected: .pendingUpdate, .updated: .accepted, .filled: .pendingUpdate,
    ],
    .pendingCancel: [
        .accepted: .accepted, .rejected: .rejected, .canceled: .canceled, .expired: .expired,
        .pendingCancel: .pendingCancel, .modifyRejected: .pendingCancel, .cancelRejected: .accepted,
        .updated: .pendingCancel, .filled: .pendingCancel,
    ],
    .partiallyFilled: [
        .canceled: .canceled, .expired: .expired, .pendingUpdate: .pendingUpdate, .pendingCancel: .pendingCancel,
        .modifyRejected: .partiallyFilled, .cancelRejected: .partiallyFilled, .updated: .partiallyFilled,
        .filled: .partiallyFilled,
    ],
    .filled: [:],
]

/// The events that bring a fresh order to each status.
private let paths: [OrderStatus: [OrderEventKind]] = [
    .initialized: [],
    .denied: [.denied],
    .submitted: [.submitted],
    .accepted: [.submitted, .accepted],
    .rejected: [.submitted, .rejected],
    .canceled: [.submitted, .accepted, .canceled],
    .expired: [.submitted, .accepted, .expired],
    .triggered: [.submitted, .accepted, .triggered],
    .pendingUpdate: [.submitted, .accepted, .pendingUpdate],
    .pendingCancel: [.submitted, .accepted, .pendingCancel],
    .partiallyFilled: [.submitted, .accepted, .filled],
    .filled: [.submitted, .accepted, .filled],
]

private let events = OrderEventFactory()
private let unit = Quantity(uncheckedRaw: 1, precision: 0)

/// An order (limit, 100 @ 100.00) brought to `status` along its path.
private func order(in status: OrderStatus) throws -> Order {
    var order = try OrderBuilder().limit("100.00").quantity("100").build()
    for kind in paths[status] ?? [] {
        // The partially-filled path fills 1 unit; the filled path fills everything.
        let quantity = status == .partiallyFilled ? unit : nil
        try order.apply(events.event(kind, for: order, fillQuantity: quantity, tradeNumber: 1))
    }
    #expect(order.status == status, "setup path for \(status)")
    return order
}

@Suite struct OrderStateMachineTests {
    @Test func tablesCoverEveryStatus() {
        #expect(Set(expected.keys) == Set(OrderStatus.allCases))
        #expect(Set(paths.keys) == Set(OrderStatus.allCases))
    }

    @Test(arguments: OrderStatus.allCases, OrderEventKind.allCases)
    func everyPair(status: OrderStatus, kind: OrderEventKind) throws {
        var order = try order(in: status)
        let event = try events.event(kind, for: order, fillQuantity: unit, tradeNumber: 99)
        let eventCount = order.events.count
        if let target = expected[status]?[kind] {
            try order.apply(event)
            #expect(order.status == target, "\(status) + \(kind)")
            #expect(order.events.count == eventCount + 1)
        } else {
            let before = order
            #expect(throws: OrderError.invalidTransition(order.clientOrderID, from: status, event: kind)) {
                try order.apply(event)
            }
            #expect(order == before, "a refused event changes nothing")
        }
    }

    /// A fill of everything that is left moves every fill-accepting status to `filled`.
    @Test(arguments: OrderStatus.allCases)
    func completingFill(status: OrderStatus) throws {
        guard expected[status]?[.filled] != nil else { return }
        var order = try order(in: status)
        try order.apply(events.event(.filled, for: order, tradeNumber: 99))
        #expect(order.status == .filled)
        #expect(order.leavesQuantity.isZero)
        #expect(order.previousStatus == nil)
    }

    @Test func partialFillWhilePendingCancelReturnsToPartiallyFilled() throws {
        var order = try order(in: .pendingCancel)
        try order.apply(events.event(.filled, for: order, fillQuantity: unit, tradeNumber: 2))
        #expect(order.status == .pendingCancel)
        try order.apply(events.event(.cancelRejected, for: order))
        #expect(order.status == .partiallyFilled)
    }

    @Test func modifyRejectedReturnsToTriggered() throws {
        var order = try order(in: .triggered)
        try order.apply(events.event(.pendingUpdate, for: order))
        try order.apply(events.event(.pendingCancel, for: order))
        #expect(order.previousStatus == .triggered)
        try order.apply(events.event(.cancelRejected, for: order))
        #expect(order.status == .triggered)
    }
}
