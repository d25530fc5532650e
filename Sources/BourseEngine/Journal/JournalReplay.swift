/// Rebuilds a journal's final orders, positions and cash from the journal alone (`bourse audit
/// replay`): its first record is the ``SessionStart`` that says what the session traded and held.
public enum JournalReplay {
    /// The state after every record of `journal`. Throws ``JournalError/replay(sequence:_:)``
    /// when the journal is empty or does not start with a session-start record (journals written
    /// before that record existed), and the state's own errors for a record it refuses.
    public static func state(of journal: any EventJournal) throws(JournalError) -> JournalState {
        var state: JournalState?
        try journal.forEach(after: 0) { record throws(JournalError) in
            if state == nil {
                guard case .sessionStart(let start) = record.entry else {
                    throw .replay(
                        sequence: record.sequence,
                        "the journal does not start with a session-start record (it was written by an older Bourse): "
                            + "its instruments and starting cash are unknown, so it cannot be replayed on its own")
                }
                state = try JournalState(start: start)
            }
            try state?.apply(record)
        }
        guard let state else { throw .replay(sequence: 0, "the journal is empty") }
        return state
    }
}
