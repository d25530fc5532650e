/// One problem found in a data file: where (file, line, column) and why.
///
/// Errors stop a strict import; warnings (gaps, outliers) never do.
public struct DataIssue: Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case emptyFile, headerOnly, missingColumn, fieldCount, truncatedLine
        case notANumber, badTimestamp, mixedTimezones, excessPrecision, overflow
        case ohlcInconsistent, nonPositivePrice, negativeVolume, crossedQuote
        case nonIncreasingTimestamp, duplicateTimestamp
        case badJSON
        case gap, outlier

        /// Gaps and outliers are reported but never stop an import.
        public var isWarning: Bool { self == .gap || self == .outlier }
    }

    public let file: String
    /// 1-based line number in the file (0 when the issue is about the whole file).
    public let line: Int
    /// The column name (or number) the issue is about, if any.
    public let column: String?
    public let kind: Kind
    public let reason: String

    public init(file: String, line: Int, column: String?, kind: Kind, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.kind = kind
        self.reason = reason
    }

    public var description: String {
        "\(file):\(line)\(column.map { " column \($0)" } ?? ""): \(kind.rawValue): \(reason)"
    }
}
