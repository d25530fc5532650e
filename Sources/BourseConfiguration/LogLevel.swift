/// How much the platform logs, from the most verbose to the least (swift-log's levels).
public enum LogLevel: String, CaseIterable, Sendable, Hashable {
    case trace, debug, info, notice, warning, error, critical
}
