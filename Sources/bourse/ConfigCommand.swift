import ArgumentParser

/// `bourse config`: inspect and check configuration.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show or check Bourse's configuration.",
        discussion: """
            Each setting takes its value from, in increasing precedence: its default, the \
            configuration file (--config FILE or BOURSE_CONFIG), its environment variable \
            (BOURSE_…), and the command line (a dedicated flag or --set key=value).
            """,
        subcommands: [ConfigShow.self, ConfigValidate.self]
    )
}
