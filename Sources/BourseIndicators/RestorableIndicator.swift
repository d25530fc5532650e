/// An indicator whose running state can be saved and restored exactly, so a restarted session
/// resumes with the values an uninterrupted one would have (see `RestorableStrategy`).
///
/// The state is numbers (`Double`s, saved bit for bit); the parameters (periods) are not in it:
/// they come from the indicator the state is restored into.
public protocol RestorableIndicator: Indicator {
    /// The running state as numbers.
    var savedState: [Double] { get }
    /// Restores ``savedState``; throws ``IndicatorError/invalidState(indicator:reason:)`` for
    /// numbers that make no state of this indicator (e.g. a window longer than its period).
    mutating func restore(savedState: [Double]) throws(IndicatorError)
}
