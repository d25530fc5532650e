import BourseCore
import BourseExecution
import OrderedCollections

/// Compares the state a journal describes with a venue's own reports (``ExecutionClient``):
/// order statuses and filled quantities, the orders it works, net positions and cash.
enum JournalReconciliation {
    /// Every disagreement, in words (empty when they agree).
    static func issues(state: JournalState, venue: some ExecutionClient) -> [String] {
        var issues: [String] = []
        for order in state.orders.values where !order.isClosed {
            guard let report = venue.orderStatus(order.clientOrderID) else {
                issues.append("order \(order.clientOrderID) is \(order.status) in the journal but unknown at the venue")
                continue
            }
            if report.status != order.status || report.filledQuantity != order.filledQuantity {
                issues.append(
                    "order \(order.clientOrderID): journal \(order.status) filled \(order.filledQuantity), venue \(report.status) filled \(report.filledQuantity)")
            }
        }
        for report in venue.openOrderReports() where state.orders[report.clientOrderID]?.isOpen != true {
            issues.append("the venue works order \(report.clientOrderID), which the journal does not have open")
        }
        let reports = venue.positionReports()
        for instrument in state.instruments {
            let venueRaw = reports.first { $0.instrumentID == instrument.id }.map { $0.side == .short ? -$0.quantity.raw : $0.quantity.raw } ?? 0
            if venueRaw != state.signedPosition(instrument.id) {
                issues.append("position in \(instrument.id): journal \(state.signedPosition(instrument.id)), venue \(venueRaw) (raw)")
            }
        }
        for balance in venue.balanceReports() where state.account.balance(balance.currency).total != balance.total {
            issues.append("cash \(balance.currency): journal \(state.account.balance(balance.currency).total), venue \(balance.total)")
        }
        return issues
    }
}
