import BourseEngine
import BourseIndicators

extension MovingAverageCrossRules where Average: RestorableIndicator {
    /// The fast and slow averages of every line, in line order (``SavedNumbers``).
    func savedState() -> [UInt8] {
        SavedNumbers.encode(lines.flatMap { [$0.lines.fast.savedState, $0.lines.slow.savedState] })
    }

    /// Restores ``savedState()`` into the averages registered by ``onStart(_:)`` (called first).
    func restore(savedState bytes: [UInt8]) throws(JournalCodecError) {
        let states = try SavedNumbers.decode(bytes)
        guard states.count == 2 * lines.count else {
            throw .invalidValue(field: "moving averages", reason: "\(states.count) saved for \(lines.count) pairs of averages")
        }
        do {
            for (i, line) in lines.enumerated() {
                try line.lines.fast.restore(savedState: states[2 * i])
                try line.lines.slow.restore(savedState: states[2 * i + 1])
            }
        } catch { throw .invalidValue(field: "moving average", reason: error.description) }
    }
}
