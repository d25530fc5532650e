/// Why the journal, a snapshot or a recovery failed.
public enum JournalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A stored record could not be decoded.
    case codec(sequence: UInt64, JournalCodecError)
    /// The storage failed (file, SQLite).
    case storage(String)
    /// Records are missing, repeated or out of order.
    case sequence(expected: UInt64, found: UInt64)
    /// A record could not be applied to the rebuilt state.
    case replay(sequence: UInt64, String)
    /// Re-running the session's input did not reproduce the journal: the input or the code changed.
    case divergence(sequence: UInt64, journaled: String, produced: String)
    /// The state restored from the journal disagrees with the venue.
    case reconciliation([String])

    public var description: String {
        switch self {
        case .codec(let seq, let error): "journal record #\(seq): \(error)"
        case .storage(let message): "journal storage: \(message)"
        case .sequence(let expected, let found): "journal record #\(found) found where #\(expected) was expected"
        case .replay(let seq, let message): "journal record #\(seq) cannot be applied: \(message)"
        case .divergence(let seq, let journaled, let produced):
            "journal record #\(seq) is \(journaled) but re-running the session produced \(produced); was the input file or the strategy changed?"
        case .reconciliation(let issues): "the journal disagrees with the venue: " + issues.joined(separator: "; ")
        }
    }
}
