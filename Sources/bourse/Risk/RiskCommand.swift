import ArgumentParser

/// `bourse risk`: dry-run orders against the configured limits and report a portfolio's risk.
struct RiskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk",
        abstract: "Check orders against the risk limits and report a portfolio's risk.",
        discussion: "Limits are read from the configuration (settings under risk.; see bourse config show).",
        subcommands: [RiskCheckCommand.self, RiskReportCommand.self]
    )
}
