import ArgumentParser

/// The `bourse` command-line tool.
///
/// Each area of the platform adds its own command group here (`data`, `backtest`,
/// `risk`, …) when it has commands that work; groups stay thin and delegate to the
/// library modules.
@main
struct Bourse: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "bourse",
        abstract: "Bourse: an algorithmic trading platform.",
        version: version,
        subcommands: [
            ConfigCommand.self, DataCommand.self, BacktestCommand.self, SweepCommand.self, WalkForwardCommand.self,
            DemoCommand.self, PortfolioCommand.self, AnalyticsCommand.self, RiskCommand.self, KillSwitchCommand.self,
            PaperCommand.self, AuditCommand.self,
        ]
    )
}
