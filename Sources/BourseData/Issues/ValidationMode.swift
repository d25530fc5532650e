/// What an import does with bad rows.
public enum ValidationMode: String, Sendable, Hashable, CaseIterable {
    /// The first error stops the import; nothing is stored; up to 20 problems are listed.
    case strict
    /// Bad rows are dropped or fixed by the explicit rules of ``RepairAction``; the
    /// report lists what was done to which line.
    case repair
}

/// What repair mode did to one line.
public struct RepairAction: Sendable, Hashable, CustomStringConvertible {
    public enum Fix: String, Sendable, Hashable {
        /// The row was removed (unparsable, non-positive price, negative volume,
        /// a timestamp not after the previous row's, or a duplicate).
        case dropped
        /// High and low were widened to contain open and close (and each other).
        case widenedHighLow
        /// A price with more decimals than the tick was rounded half-even to the tick.
        case roundedToTick
    }

    public let issue: DataIssue
    public let fix: Fix

    public init(issue: DataIssue, fix: Fix) {
        self.issue = issue
        self.fix = fix
    }

    public var description: String { "\(fix.rawValue) — \(issue)" }
}

/// What an import found and did: warnings (gaps, outliers) and repairs.
public struct ImportReport: Sendable, Hashable {
    /// Rows read from the file(s) (data rows, not header or comments).
    public var rowsRead = 0
    /// Rows kept.
    public var rowsKept = 0
    /// Gaps and outliers: reported, never fatal.
    public var warnings: [DataIssue] = []
    /// What repair mode did (empty in strict mode).
    public var repairs: [RepairAction] = []

    public init() {}
}
