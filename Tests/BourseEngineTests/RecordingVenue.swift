import BourseCore
import BourseEngine
import BourseExecution

/// A venue wrapper that records every command it receives, then forwards it: tests assert on
/// what actually reached the venue, not on what the strategy believes.
final class RecordingVenue<Inner: BacktestVenue>: BacktestVenue {
    /// A command as the venue received it.
    enum Received: Equatable {
        case submit(SubmitOrder)
        case submitList(SubmitOrderList)
        case modify(BourseExecution.ModifyOrder)
        case cancel(CancelOrder)
        case cancelAll(CancelAllOrders)
    }

    let inner: Inner
    private(set) var received: [Received] = []

    init(_ inner: Inner) { self.inner = inner }

    /// Every order the venue was asked to work (single submits and list members), in arrival order.
    var submittedOrders: [OrderInitialized] {
        received.flatMap { command -> [OrderInitialized] in
            switch command {
            case .submit(let submit): [submit.order]
            case .submitList(let list): list.orders
            case .modify, .cancel, .cancelAll: []
            }
        }
    }

    /// Every command received, as text: `submit O-1 BUY 40` (with ` reduce-only` when flagged),
    /// `list [...]`, `modify O-1`, `cancel O-1`, `cancel all`.
    var receivedText: [String] {
        received.map { command in
            switch command {
            case .submit(let s):
                "submit \(s.order.clientOrderID) \(s.order.side) \(s.order.quantity)\(s.order.reduceOnly ? " reduce-only" : "")"
            case .submitList(let l): "list \(l.orders.map(\.clientOrderID.value))"
            case .modify(let m): "modify \(m.clientOrderID)"
            case .cancel(let c): "cancel \(c.clientOrderID)"
            case .cancelAll: "cancel all"
            }
        }
    }

    /// Every modification the venue received.
    var modifications: [BourseExecution.ModifyOrder] {
        received.compactMap { if case .modify(let modify) = $0 { modify } else { nil } }
    }

    var venue: Venue { inner.venue }
    var accountID: AccountID { inner.accountID }
    var barExecution: BarExecution { inner.barExecution }
    var nextEventTime: UnixNanos? { inner.nextEventTime }

    /// Records `command`, then lets the wrapped venue handle it.
    private func record(_ command: Received, _ forward: () -> Void) {
        received.append(command)
        forward()
    }

    func submit(_ command: SubmitOrder, events: inout [OrderEvent]) {
        record(.submit(command)) { inner.submit(command, events: &events) }
    }

    func submit(_ command: SubmitOrderList, events: inout [OrderEvent]) {
        record(.submitList(command)) { inner.submit(command, events: &events) }
    }

    func modify(_ command: BourseExecution.ModifyOrder, events: inout [OrderEvent]) {
        record(.modify(command)) { inner.modify(command, events: &events) }
    }

    func cancel(_ command: CancelOrder, events: inout [OrderEvent]) {
        record(.cancel(command)) { inner.cancel(command, events: &events) }
    }

    func cancelAll(_ command: CancelAllOrders, events: inout [OrderEvent]) {
        record(.cancelAll(command)) { inner.cancelAll(command, events: &events) }
    }

    func process(bar: Bar, events: inout [OrderEvent]) { inner.process(bar: bar, events: &events) }
    func process(quote: QuoteTick, events: inout [OrderEvent]) { inner.process(quote: quote, events: &events) }
    func process(trade: TradeTick, events: inout [OrderEvent]) { inner.process(trade: trade, events: &events) }
    func advanceTime(events: inout [OrderEvent]) { inner.advanceTime(events: &events) }

    func orderStatus(_ clientOrderID: ClientOrderID) -> OrderStatusReport? { inner.orderStatus(clientOrderID) }
    func openOrderReports() -> [OrderStatusReport] { inner.openOrderReports() }
    func positionReports() -> [PositionStatusReport] { inner.positionReports() }
    func balanceReports() -> [AccountBalance] { inner.balanceReports() }
    func fills(since time: UnixNanos, after tradeID: TradeID?) -> [OrderFilled]? { inner.fills(since: time, after: tradeID) }
}
