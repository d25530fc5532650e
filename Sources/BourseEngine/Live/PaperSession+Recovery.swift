import BourseCore
import BourseExecution
import OrderedCollections

extension PaperSession {
    /// Journals a record — or, while recovering, checks that the re-run produced exactly the
    /// journaled one (same entry, time and correlation id).
    func record(_ entry: JournalEntry, correlationID: String) throws(JournalError) {
        if isRecovering {
            let expected = pending[pendingIndex]
            guard expected.entry == entry, expected.correlationID == correlationID, expected.timestamp == clock.now else {
                throw .divergence(
                    sequence: expected.sequence, journaled: "\(expected.entry.kind) at \(expected.timestamp) [\(expected.correlationID)]",
                    produced: "\(entry.kind) at \(clock.now) [\(correlationID)]")
            }
            pendingIndex += 1
            return
        }
        if awaitsReconciliation { recovery?.emittedAfterJournalEnd += 1 }
        let record = try journal.append(entry, timestamp: clock.now, correlationID: correlationID)
        try state.apply(record)
    }

    /// Once the re-run has gone past the journal's end and finished the step it was in: compares
    /// the restored state with the venue, and journals what the recovery did.
    func finishRecoveryIfDone() throws(JournalError) {
        guard !isRecovering, var summary = recovery, !summary.reconciled else { return }
        let issues = reconciliationIssues()
        guard issues.isEmpty else { throw .reconciliation(issues) }
        summary.reconciled = true
        recovery = summary
        try record(.audit(AuditEntry(
            category: .recovery, actor: "recovery", action: "restored the session after a restart",
            reason: summary.description)), correlationID: "")
        try journal.sync()
    }

    /// Where the restored state and the venue's reports disagree (empty when they agree).
    func reconciliationIssues() -> [String] {
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
        for instrument in state.instruments {
            let venueRaw = venue.netPosition(instrument.id).map { $0.side == .short ? -$0.quantity.raw : $0.quantity.raw } ?? 0
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

/// What a restart restored (journaled as a recovery audit record).
public struct RecoverySummary: Sendable, Hashable, CustomStringConvertible {
    /// Records in the journal at start.
    public let journaledRecords: UInt64
    /// The snapshot the state was restored from, `nil` when none.
    public let snapshotSequence: UInt64?
    /// Records the crash had lost and the re-run produced again (journaled during recovery).
    public internal(set) var emittedAfterJournalEnd = 0
    /// Whether the restored state was reconciled with the venue.
    public internal(set) var reconciled = false

    public var description: String {
        let from = snapshotSequence.map { "snapshot #\($0) + journal tail" } ?? "journal (no snapshot)"
        return "state restored from \(from) of \(journaledRecords) records; venue rebuilt by re-running the journaled input; "
            + "\(emittedAfterJournalEnd) records lost in the crash re-emitted; reconciled with the venue"
    }
}
