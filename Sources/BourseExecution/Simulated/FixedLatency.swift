public import BourseCore

/// The same travel time for every command of a kind; zero by default (commands
/// are processed at once, on the clock time they are sent).
public struct FixedLatency: LatencyModel, Sendable, Hashable {
    public let submit: Nanoseconds
    public let modify: Nanoseconds
    public let cancel: Nanoseconds

    public init(submit: Nanoseconds = .zero, modify: Nanoseconds = .zero, cancel: Nanoseconds = .zero) {
        self.submit = submit
        self.modify = modify
        self.cancel = cancel
    }

    /// The same latency for every command.
    public init(_ all: Nanoseconds) { self.init(submit: all, modify: all, cancel: all) }

    /// No latency.
    public static let zero = FixedLatency()

    public func latency(_ p: LatencyParameters) -> Nanoseconds {
        switch p.command {
        case .submit: submit
        case .modify: modify
        case .cancel: cancel
        }
    }
}
