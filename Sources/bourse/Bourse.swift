import ArgumentParser

/// The `bourse` command-line tool.
@main
struct Bourse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bourse",
        abstract: "Bourse: an algorithmic trading platform.",
        version: "0.1.0",
        subcommands: [DataCommand.self]
    )
}
