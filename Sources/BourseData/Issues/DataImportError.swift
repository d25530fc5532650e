/// Why an import (or an export) failed. Nothing was stored when this is thrown.
public enum DataImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Strict validation failed: up to ``DataImportError/maxListedIssues`` problems, in file order.
    case invalid(file: String, issues: [DataIssue])
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The output (a bar file) could not be written; nothing was left at `path`.
    case unwritable(path: String, reason: String)
    /// The options do not fit the data (e.g. open labels on tick bars).
    case unsupported(String)

    /// How many problems a strict import lists before it stops.
    public static let maxListedIssues = 20

    /// The first issue, for callers that only need one.
    public var firstIssue: DataIssue? {
        if case .invalid(_, let issues) = self { return issues.first }
        return nil
    }

    public var description: String {
        switch self {
        case .invalid(let file, let issues):
            "\(file): \(issues.count) problem(s), nothing imported:\n"
                + issues.map { "  \($0)" }.joined(separator: "\n")
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .unwritable(let path, let reason): "cannot write \(path): \(reason)"
        case .unsupported(let reason): reason
        }
    }
}
