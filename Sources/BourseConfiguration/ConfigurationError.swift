/// Configuration that failed to load, with every problem found (not just the first).
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, in the order of their sources: file, environment, command line.
    public let issues: [ConfigurationIssue]

    public init(issues: [ConfigurationIssue]) {
        self.issues = issues
    }

    /// One line per issue.
    public var description: String {
        let noun = issues.count == 1 ? "problem" : "problems"
        return (["invalid configuration (\(issues.count) \(noun)):"] + issues.map { "  \($0)" })
            .joined(separator: "\n")
    }
}
