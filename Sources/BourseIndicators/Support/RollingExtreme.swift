/// The maximum (or minimum) of the last `window` values, with the index where it
/// occurred: a monotonic deque in a ring allocated once.
///
/// Among equal extremes the most recent wins (TA-Lib's AROON convention).
/// - Complexity: amortized O(1) per ``push(_:)``.
@usableFromInline
struct RollingExtreme: Sendable {
    @usableFromInline var values: ContiguousArray<Double>
    @usableFromInline var positions: ContiguousArray<Int>
    @usableFromInline var head = 0
    @usableFromInline var count = 0
    /// The index the next pushed value gets.
    @usableFromInline var nextPosition = 0
    @usableFromInline let window: Int
    @usableFromInline let isMaximum: Bool

    @usableFromInline
    init(window: Int, maximum: Bool) {
        self.window = window
        self.isMaximum = maximum
        values = ContiguousArray(repeating: 0, count: window)
        positions = ContiguousArray(repeating: 0, count: window)
    }

    /// Adds the newest value; the window then covers the last `window` pushes.
    @inlinable
    mutating func push(_ x: Double) {
        let position = nextPosition
        nextPosition += 1
        if count > 0, positions[head] <= position - window {
            head += 1
            if head == window { head = 0 }
            count -= 1
        }
        while count > 0 {
            var back = head + count - 1
            if back >= window { back -= window }
            let dominated = isMaximum ? values[back] <= x : values[back] >= x
            guard dominated else { break }
            count -= 1
        }
        var slot = head + count
        if slot >= window { slot -= window }
        values[slot] = x
        positions[slot] = position
        count += 1
    }

    /// The extreme of the window (NaN-free windows; NaN if empty).
    @inlinable var extreme: Double { count > 0 ? values[head] : .nan }
    /// How many pushes ago the extreme was pushed (0 = the latest).
    @inlinable var age: Int { nextPosition - 1 - positions[head] }

    @usableFromInline
    mutating func removeAll() {
        head = 0
        count = 0
        nextPosition = 0
    }
}
