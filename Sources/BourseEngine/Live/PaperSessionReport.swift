import BourseCore
import BourseExecution
import OrderedCollections

/// Text for people: a session's outcome and one line per journal record.
public enum PaperSessionReport {
    /// `orders 12 (filled 10) fills 10 position GOOG.SIM 10 cash 99,000.00 USD records 321`.
    public static func summary(_ state: JournalState) -> String {
        let filled = state.orders.values.filter { $0.status == .filled }.count
        let positions = state.positions.map { "\($0.key) \(state.signedPosition($0.key) < 0 ? "-" : "")\($0.value)" }
            .joined(separator: ", ")
        let cash = state.account.balances.values.map { "\($0.total)" }.joined(separator: ", ")
        return "orders \(state.orders.count) (filled \(filled)) fills \(state.fillCount) position \(positions.isEmpty ? "flat" : positions) "
            + "cash \(cash) records \(state.lastSequence)"
    }

    /// The summary, then one line per order (`P-1  BUY 10 GOOG.NASDAQ LIMIT @ 104.50  FILLED 10`),
    /// one per position and one per cash balance: what `bourse audit replay` prints.
    public static func details(_ state: JournalState) -> String {
        var lines = [summary(state)]
        for order in state.orders.values {
            lines.append(
                "order \(order.clientOrderID)  \(order.side) \(order.quantity) \(order.instrumentID) \(order.type)"
                    + (order.price.map { " @ \($0)" } ?? "") + "  \(order.status) \(order.filledQuantity)")
        }
        for id in state.positions.keys {
            lines.append("position \(id)  \(state.signedPosition(id) < 0 ? "-" : "")\(state.positions[id].map(\.description) ?? "0")")
        }
        for balance in state.account.balances.values { lines.append("cash \(balance.total)") }
        return lines.joined(separator: "\n")
    }

    /// `#12  2004-08-20T00:00:00Z  order-filled  SIG-5  P-1  BUY 10 @ 104.50`.
    public static func line(_ record: JournalRecord) -> String {
        let order = record.entry.clientOrderID.map { "\($0)" } ?? "-"
        let correlation = record.correlationID.isEmpty ? "-" : record.correlationID
        return "#\(record.sequence)  \(record.timestamp)  \(record.entry.kind)  \(correlation)  \(order)  \(detail(record.entry))"
    }

    static func detail(_ entry: JournalEntry) -> String {
        switch entry {
        case .command(.submit(let c)):
            "\(c.order.side) \(c.order.quantity) \(c.order.instrumentID) \(c.order.type)" + (c.order.price.map { " @ \($0)" } ?? "")
        case .command(let c): "\(c)"
        case .event(.filled(let f)): "\(f.side) \(f.lastQuantity) @ \(f.lastPrice) trade \(f.tradeID) fee \(f.commission)"
        case .event(.denied(let e)): e.reason
        case .event(.rejected(let e)): e.reason
        case .event(let e): "\(e.instrumentID)"
        case .marketData(let m): "bar #\(m.index) \(m.instrumentID) closing \(m.tsEvent)"
        case .audit(let a): "\(a.actor): \(a.action) — \(a.reason)"
        case .sessionStart(let s):
            "account \(s.accountID) holding \(s.startingBalances.map(\.description).joined(separator: ", ")), "
                + "instruments \(s.instruments.map(\.id.description).joined(separator: ", "))"
        }
    }
}
