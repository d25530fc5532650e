import ArgumentParser
import BourseConfiguration
import BourseEngine
import BourseStrategies
import Foundation

/// The parameter search of `sweep` and `walk-forward`: the grid, the ranking metric, random
/// sampling, parallelism, and the machine outputs. Flags override their settings (`sweep.*`).
struct SweepOptions: ParsableArguments {
    @Option(name: .customLong("grid"), help: "Values to try for a parameter, NAME=V1,V2,… (repeatable; setting sweep.STRATEGY.NAME).")
    var grid: [String] = []
    @Option(help: "Ranking metric: \(Sweep.Ranking.allCases.map(\.rawValue).joined(separator: ", ")) (setting sweep.ranking).")
    var ranking: String?
    @Option(help: "Random search: draw this many combinations from the grid, 0 = whole grid (setting sweep.samples).")
    var samples: String?
    @Option(help: "Seed of the random search (setting sweep.seed).") var seed: String?
    @Option(help: "Backtests at a time, 0 = one per core (setting sweep.parallelism).") var parallelism: String?
    @Option(help: "Write the results as CSV here.") var csv: String?
    @Option(help: "Write the results as JSON here.") var json: String?

    /// The flags as overrides of their settings, for `strategy`.
    func overrides(strategy: String) throws -> [CommandLineOverride] {
        let flags = CommandLineOverride.given([
            (ranking, RunSettings.ranking.key, "--ranking"), (samples, RunSettings.samples.key, "--samples"),
            (seed, RunSettings.seed.key, "--seed"), (parallelism, RunSettings.parallelism.key, "--parallelism"),
        ])
        let axes = try grid.map { try CommandLineOverride.assignment($0, prefix: "sweep.\(strategy)", flag: "--grid") }
        return flags + axes
    }

    /// The configured grid of `entry`: the parameters with sweep values, in declaration order.
    static func grid(_ settings: Configuration, _ entry: StrategyEntry) throws -> [(String, [String])] {
        let axes = entry.parameters.compactMap { spec -> (String, [String])? in
            let values = settings[RunSettings.sweepValues(spec, of: entry.name)]
            return values.isEmpty ? nil : (spec.name, values)
        }
        guard !axes.isEmpty else {
            throw ValidationError("nothing to sweep: give --grid NAME=V1,V2 or set sweep.\(entry.name).NAME in the configuration")
        }
        return axes
    }

    /// The random-sample request, `nil` for the whole grid.
    static func sample(_ settings: Configuration) -> (count: Int, seed: UInt64)? {
        let count = settings[RunSettings.samples]
        return count == 0 ? nil : (count, UInt64(settings[RunSettings.seed]))
    }

    static func parallelism(_ settings: Configuration) -> Int {
        let configured = settings[RunSettings.parallelism]
        return configured == 0 ? Sweep.defaultParallelism : configured
    }

    /// Writes the requested machine outputs.
    func write(csv text: @autoclosure () -> String?, json value: some Encodable) throws {
        if let csv, let text = text() {
            try text.write(toFile: csv, atomically: true, encoding: .utf8)
            print("wrote \(csv)")
        }
        if let json {
            try Sweep.json(value).write(to: URL(fileURLWithPath: json))
            print("wrote \(json)")
        }
    }
}
