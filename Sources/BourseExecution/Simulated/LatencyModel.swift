public import BourseCore

/// The kind of command whose travel time a ``LatencyModel`` gives.
public enum CommandKind: String, Sendable, Hashable, CaseIterable {
    case submit, modify, cancel
}

/// What a ``LatencyModel`` is asked.
public struct LatencyParameters: Sendable {
    public let command: CommandKind
    public let instrumentID: InstrumentID
    /// When the command left Bourse.
    public let sent: UnixNanos

    public init(command: CommandKind, instrumentID: InstrumentID, sent: UnixNanos) {
        self.command = command
        self.instrumentID = instrumentID
        self.sent = sent
    }
}

/// How long a command takes to reach the simulated venue, on the simulated clock.
/// A command sent at `t` is processed when the clock reaches `t + latency`; its
/// acknowledgement and fills carry that time.
public protocol LatencyModel {
    func latency(_ parameters: LatencyParameters) -> Nanoseconds
}
