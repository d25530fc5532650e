/// An operator's instruction for a running session's kill switch, given from outside it (e.g.
/// `bourse killswitch trigger` in another process): a session polls for one before each bar.
///
/// The session journals the instruction (a kill-switch audit record, ``auditAction``) before it
/// carries it out, so a recovery's re-run carries it out again at the same place.
public enum KillSwitchInstruction: Sendable, Hashable {
    /// Trip the switch (a manual trigger): new orders stop, per the switch's actions.
    case trip(operatorName: String, reason: String)
    /// Reset a switch an operator tripped (a trip by a limit stays): trading resumes.
    case reset(operatorName: String, reason: String)

    /// The audit record's action (its actor is the operator, its reason the instruction's).
    public var auditAction: String {
        switch self {
        case .trip: Self.tripAction
        case .reset: Self.resetAction
        }
    }

    static let tripAction = "operator instruction: trip"
    static let resetAction = "operator instruction: reset"

    /// The instruction a journaled audit record holds, `nil` for any other record.
    init?(_ entry: JournalEntry) {
        guard case .audit(let audit) = entry, audit.category == .killSwitch else { return nil }
        switch audit.action {
        case Self.tripAction: self = .trip(operatorName: audit.actor, reason: audit.reason)
        case Self.resetAction: self = .reset(operatorName: audit.actor, reason: audit.reason)
        default: return nil
        }
    }
}
