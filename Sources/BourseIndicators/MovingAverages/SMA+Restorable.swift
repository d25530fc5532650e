extension SMA: RestorableIndicator {
    /// The running sum, the current value, then the window's values, oldest first.
    public var savedState: [Double] {
        var state = [sum, current]
        state.reserveCapacity(2 + window.count)
        window.forEachChronologically { state.append($0) }
        return state
    }

    public mutating func restore(savedState state: [Double]) throws(IndicatorError) {
        guard state.count >= 2, state.count - 2 <= period else {
            throw .invalidState(indicator: "SMA", reason: "\(state.count) numbers for a window of \(period) (2 + at most \(period))")
        }
        guard state[0].isFinite, state.dropFirst(2).allSatisfy(\.isFinite) else {
            throw .invalidState(indicator: "SMA", reason: "a running sum or window value is not finite")
        }
        window.removeAll()
        for x in state.dropFirst(2) { window.push(x) }
        sum = state[0]
        current = state[1]
    }
}
