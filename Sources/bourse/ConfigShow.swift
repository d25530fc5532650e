import ArgumentParser
import BourseConfiguration
import Foundation

/// `bourse config show`: the effective configuration and where each value came from.
struct ConfigShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show the effective configuration and the source of each value."
    )

    @OptionGroup var options: ConfigurationOptions

    @Flag(name: .long, help: "Print JSON, with each setting's type, default, variable and summary.")
    var json = false

    /// The report for this process environment.
    func output(environment: [String: String]) throws -> String {
        let configuration = try options.load(environment: environment)
        return json ? try configuration.json() : configuration.table()
    }

    func run() throws {
        print(try output(environment: ProcessInfo.processInfo.environment))
    }
}
