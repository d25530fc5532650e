import BourseCore

/// The simulated venue's time source: the kernel's ``TestClock`` read directly (a backtest
/// reads the time several times per order), any other clock through the protocol.
///
/// A final class read through a `let`: reading the time neither copies an enum payload nor
/// touches a reference count.
final class VenueClock {
    private let test: TestClock?
    private let other: any Clock

    init(_ clock: any Clock) {
        test = clock as? TestClock
        other = clock
    }

    /// The current time.
    @inline(__always)
    var now: UnixNanos {
        if let test { test.now } else { other.now }
    }
}
