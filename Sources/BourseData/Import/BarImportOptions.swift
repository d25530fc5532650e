public import BourseCore

/// Options shared by every bar importer.
public struct BarImportOptions: Sendable {
    /// The series the rows belong to (instrument and bar spec).
    public var barType: BarType
    /// Whether the file labels each bar by its open or its close time.
    public var labels: TimestampLabel
    public var timestampFormat: TimestampFormat = .auto
    public var mode: ValidationMode = .strict
    /// The instrument's tick: prices are stored at its precision and must be multiples of
    /// it (repair mode rounds half-even to it). `nil`: the precision is the largest
    /// number of decimals in the file (at most 9) and any value is accepted.
    public var tickSize: Price?
    /// The volume precision; `nil`: the largest number of decimals in the file (at most 9).
    public var sizePrecision: UInt8?
    public var rules = ValidationRules()
    /// Called during a CSV import with the bytes read so far and the file size (for a progress
    /// bar): once every 65,536 data rows read (rows dropped for a wrong field count or skipped
    /// do not count), then once at the end; `nil`: no calls.
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    public init(barType: BarType, labels: TimestampLabel, mode: ValidationMode = .strict, tickSize: Price? = nil) {
        self.barType = barType
        self.labels = labels
        self.mode = mode
        self.tickSize = tickSize
    }

    /// The price precision an import starts at: the tick's, else 0 (widened as decimals appear).
    var initialPricePrecision: UInt8 { tickSize?.precision ?? 0 }
    /// The volume precision an import starts at: the fixed one, else 0 (widened as decimals appear).
    var initialSizePrecision: UInt8 { sizePrecision ?? 0 }
}

/// Thresholds for the checks that only warn.
public struct ValidationRules: Sendable, Hashable {
    /// A bar whose close-to-close return is this many rolling standard deviations away
    /// from the rolling mean is flagged as an outlier.
    public var outlierStdDevs: Double = 10
    /// How many previous returns the rolling mean and deviation use (flags start once full).
    public var outlierWindow: Int = 100
    /// Report time gaps longer than the bar step.
    public var reportGaps = true
    /// Accept zero and negative prices (spreads, some futures); off by default.
    public var allowNonPositivePrices = false

    public init() {}
}

/// The outcome of a bar import: the series and what was found on the way.
public struct BarImport: Sendable {
    public var series: BarSeries
    public var report: ImportReport

    public init(series: BarSeries, report: ImportReport) {
        self.series = series
        self.report = report
    }
}
