/// A strategy whose state is saved with a session's snapshot and restored on restart, so a
/// restarted session resumes at the snapshot's bar instead of re-running its whole history.
///
/// A snapshot rather than a warm-up over the last bars: a warm-up reproduces a strategy's
/// state only when it depends on a bounded window of input (a simple moving average), not on
/// its whole past (an exponential average, a trailing high, the orders it placed); bytes saved
/// at the snapshot reproduce any state exactly.
public protocol RestorableStrategy {
    /// The strategy's mutable state as bytes (its parameters come from the configuration).
    func savedState() -> [UInt8]

    /// Restores the state from ``savedState()``'s bytes; throws ``JournalCodecError`` for bytes
    /// that do not make a valid state.
    mutating func restore(savedState: [UInt8]) throws(JournalCodecError)
}
