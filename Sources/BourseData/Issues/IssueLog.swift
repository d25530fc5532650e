/// The problems an import finds, sorted by what they mean in its mode: errors (strict
/// mode: the import fails), repairs (repair mode: what was done to which line) and
/// warnings (gaps, outliers: never fatal). Every importer and the validator record here.
struct IssueLog {
    let file: String
    let mode: ValidationMode
    private(set) var errors: [DataIssue] = []
    private(set) var warnings: [DataIssue] = []
    private(set) var repairs: [RepairAction] = []

    init(file: String, mode: ValidationMode) {
        self.file = file
        self.mode = mode
    }

    /// Whether a strict import has collected enough problems to stop.
    var isFull: Bool { mode == .strict && errors.count >= DataImportError.maxListedIssues }

    /// Records a problem on `line`: a warning, an error (strict) or the repair `fix` (repair).
    mutating func record(line: Int, column: String?, _ kind: DataIssue.Kind, _ reason: String, fix: RepairAction.Fix = .dropped) {
        let issue = DataIssue(file: file, line: line, column: column, kind: kind, reason: reason)
        if kind.isWarning {
            warnings.append(issue)
        } else if mode == .strict {
            if errors.count < DataImportError.maxListedIssues { errors.append(issue) }
        } else {
            repairs.append(RepairAction(issue: issue, fix: fix))
        }
    }

    /// The report of an import that read `rowsRead` rows and kept `rowsKept`; throws the
    /// errors (up to ``DataImportError/maxListedIssues``, in line order) if there are any.
    func report(rowsRead: Int, rowsKept: Int) throws(DataImportError) -> ImportReport {
        if !errors.isEmpty {
            throw .invalid(file: file, issues: errors.sorted { $0.line < $1.line })
        }
        var report = ImportReport()
        report.rowsRead = rowsRead
        report.rowsKept = rowsKept
        report.warnings = warnings
        report.repairs = repairs.sorted { $0.issue.line < $1.issue.line }
        return report
    }
}
