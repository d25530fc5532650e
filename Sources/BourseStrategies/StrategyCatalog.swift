public import BourseEngine

/// A built-in strategy as the CLI and sweeps see it: name, description, parameters, and a
/// runner that keeps the concrete type (so the kernel stays specialized).
public struct StrategyEntry: Sendable {
    public let name: String
    public let summary: String
    public let parameters: [ParameterSpec]
    /// Runs a backtest of the strategy type (``Backtest/run(_:parameters:config:journal:)``).
    private let runner: @Sendable (_ overrides: [String], _ config: BacktestConfig, _ journal: BacktestJournal?) throws -> BacktestResult
    /// Runs a backtest and returns only its metrics and final equity (what sweeps rank by).
    public let evaluate: @Sendable (_ overrides: [String], _ config: BacktestConfig) throws -> (metrics: SummaryMetrics, finalEquity: String)
    /// Runs (or, on a journal with records, recovers and resumes) a paper session of the strategy
    /// type to the end of its input (``KernelPaperSession``, no pre-trade limits); returns the session.
    private let paperRunner: @Sendable (_ overrides: [String], _ setup: PaperSessionSetup) throws -> any PaperSessionOutcome

    /// The entry of strategy type `S`.
    public static func of<S: Strategy & SendableMetatype>(_ type: S.Type) -> StrategyEntry {
        StrategyEntry(
            name: S.name, summary: S.summary, parameters: S.parameters,
            runner: { overrides, config, journal in try Backtest.run(S.self, parameters: overrides, config: config, journal: journal) },
            evaluate: { overrides, config in try Backtest.evaluate(S.self, parameters: overrides, config: config) },
            paperRunner: { overrides, setup in
                let session = try KernelPaperSession(
                    strategy: S(parameters: ParameterValues(S.parameters, overrides: overrides)), risk: PassThroughRiskEngine(),
                    setup: setup)
                try session.run()
                return session
            })
    }

    /// Runs a backtest with `NAME=VALUE` overrides, writing its journal when `journal` is given.
    public func run(_ overrides: [String], _ config: BacktestConfig, journal: BacktestJournal? = nil) throws -> BacktestResult {
        try runner(overrides, config, journal)
    }

    /// Runs a paper session with `NAME=VALUE` overrides to the end of its input (recovering first
    /// when the journal has records); returns the finished session.
    public func paper(_ overrides: [String], _ setup: PaperSessionSetup) throws -> any PaperSessionOutcome {
        try paperRunner(overrides, setup)
    }
}

/// The built-in strategies.
public enum StrategyCatalog {
    public static let all: [StrategyEntry] = [
        .of(SMACross.self), .of(EMACross.self), .of(RSIReversion.self), .of(BollingerReversion.self),
        .of(DonchianBreakout.self), .of(MACDTrend.self), .of(MomentumRotation.self), .of(PairsTrading.self),
    ]

    /// The strategy called `name`.
    public static func named(_ name: String) throws(ParameterError) -> StrategyEntry {
        guard let entry = all.first(where: { $0.name == name }) else {
            throw .invalidCombination("unknown strategy '\(name)'; built in: \(all.map(\.name).joined(separator: ", "))")
        }
        return entry
    }
}
