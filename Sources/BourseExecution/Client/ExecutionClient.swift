public import BourseCore

/// The seam every venue implements: the simulated venue first, live adapters later.
///
/// A client takes order commands and answers with order events. Events are not
/// delivered through callbacks: each method appends the events it produces, in
/// order, to a buffer the caller (the kernel, through the ``OrderManager``) owns and
/// reuses, so the hot path allocates nothing once the buffer has grown.
///
/// Events the venue produces later (fills on market data, expiries, delayed
/// acknowledgements) come out of the implementation's own driver — for
/// ``SimulatedVenue`` its `process(bar:events:)`, `process(quote:events:)`,
/// `process(trade:events:)` and `advanceTime(events:)` — into the same kind of buffer.
///
/// Commands for orders the client does not know, or in a state that does not allow
/// them, are answered with the matching rejection event (``OrderRejected``,
/// ``OrderModifyRejected``, ``OrderCancelRejected``) carrying the reason. Checks that
/// need Bourse's own order book (duplicate client order ids, unknown ids) are done
/// by the ``OrderManager`` before a command reaches the client.
///
/// Reference semantics (`AnyObject`): the kernel and the order manager share one client.
public protocol ExecutionClient: AnyObject {
    /// The venue this client trades at.
    var venue: Venue { get }
    /// The account the client's orders and fills belong to.
    var accountID: AccountID { get }

    /// Sends one order; appends ``OrderSubmitted`` and whatever the venue answers at once.
    func submit(_ command: SubmitOrder, events: inout [OrderEvent])
    /// Sends a list of linked orders (bracket, OCO, OTO, OUO) in one go.
    func submit(_ command: SubmitOrderList, events: inout [OrderEvent])
    /// Changes a working order's quantity, limit price or trigger price.
    func modify(_ command: ModifyOrder, events: inout [OrderEvent])
    /// Cancels a working order.
    func cancel(_ command: CancelOrder, events: inout [OrderEvent])
    /// Cancels every working order of a strategy in an instrument (optionally one side only).
    func cancelAll(_ command: CancelAllOrders, events: inout [OrderEvent])

    /// The venue's view of one order, `nil` when the venue does not know it.
    func orderStatus(_ clientOrderID: ClientOrderID) -> OrderStatusReport?
    /// Every order working at the venue, in submission order (for reconciliation).
    func openOrderReports() -> [OrderStatusReport]
    /// Every non-flat position the venue holds for the account, by instrument id (for reconciliation).
    func positionReports() -> [PositionStatusReport]
    /// The account's balances at the venue, in the order currencies first appeared (for reconciliation).
    func balanceReports() -> [AccountBalance]
    /// The account's fills at the venue stamped at or after `time`, in the order they happened;
    /// with `tradeID`, only those after that trade (all of them when the venue does not know it).
    /// `nil` when the venue cannot tell (it keeps no fill history that far back). Recovery asks
    /// this for the fills that happened while Bourse was down, and turns them into the missing
    /// events instead of sending anything again.
    func fills(since time: UnixNanos, after tradeID: TradeID?) -> [OrderFilled]?
}
