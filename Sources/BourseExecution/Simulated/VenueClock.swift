import BourseCore

/// The simulated venue's time source: the kernel's ``TestClock`` read directly (a backtest
/// reads the time several times per order), any other clock through the protocol.
enum VenueClock {
    case test(TestClock)
    case other(any Clock)

    init(_ clock: any Clock) {
        if let test = clock as? TestClock { self = .test(test) } else { self = .other(clock) }
    }

    /// The current time.
    @inline(__always)
    var now: UnixNanos {
        switch self {
        case .test(let clock): clock.now
        case .other(let clock): clock.now
        }
    }
}
