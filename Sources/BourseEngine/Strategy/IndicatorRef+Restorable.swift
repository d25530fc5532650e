public import BourseIndicators

extension IndicatorRef where I: RestorableIndicator, I.Output == Double {
    /// The reference's state: the previous value, the number of updates, then the indicator's
    /// own (``RestorableIndicator/savedState``).
    public var savedState: [Double] { [previousValue, Double(count)] + indicator.savedState }

    /// Restores ``savedState`` into this registered indicator (the kernel keeps feeding it).
    public func restore(savedState state: [Double]) throws(IndicatorError) {
        guard state.count >= 2, let updates = Int(exactly: state[1]), updates >= 0 else {
            throw .invalidState(indicator: "\(I.self)", reason: "no previous value and update count")
        }
        var restored = indicator
        try restored.restore(savedState: Array(state.dropFirst(2)))
        indicator = restored
        previousValue = state[0]
        count = updates
    }
}
