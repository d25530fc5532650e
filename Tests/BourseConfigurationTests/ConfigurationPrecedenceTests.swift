import BourseConfiguration
import BourseCore
import Foundation
import Testing

@Suite struct ConfigurationPrecedenceTests {
    @Test func defaultsWhenNothingIsSet() throws {
        let configuration = try Configuration.load(schema: platformSchema())
        #expect(configuration[PlatformSettings.home] == "./.bourse")
        #expect(configuration[PlatformSettings.logLevel] == .info)
        #expect(configuration[BacktestSettings.startingBalance] == Money(uncheckedRaw: 10_000_000, currency: .USD))
        #expect(configuration[BacktestSettings.baseCurrency] == .USD)
        #expect(configuration.entries.allSatisfy { $0.source == .defaultValue && $0.overridden.isEmpty })
        #expect(configuration.filePath == nil)
    }

    @Test func fileOverridesDefaultWithLineAndColumn() throws {
        let file = yaml(
            "# Bourse",
            "home: /srv/bourse",
            "log:",
            "  level: debug",
            "backtest.starting-balance: 2500000 JPY"
        )
        let configuration = try Configuration.load(schema: platformSchema(), file: file)
        #expect(configuration[PlatformSettings.home] == "/srv/bourse")
        #expect(configuration.source(of: PlatformSettings.home) == .file(path: "bourse.yaml", line: 2, column: 7))
        #expect(configuration[PlatformSettings.logLevel] == .debug)
        #expect(configuration.source(of: PlatformSettings.logLevel) == .file(path: "bourse.yaml", line: 4, column: 10))
        #expect(configuration[BacktestSettings.startingBalance] == Money(uncheckedRaw: 2_500_000, currency: .JPY))
        #expect(configuration.source(of: BacktestSettings.baseCurrency) == .defaultValue)
        #expect(configuration.filePath == "bourse.yaml")
    }

    @Test func environmentOverridesFileAndFlagOverridesEnvironment() throws {
        let file = yaml("log:", "  level: debug", "home: /from/file")
        let configuration = try Configuration.load(
            schema: platformSchema(),
            file: file,
            environment: ["BOURSE_LOG_LEVEL": "warning", "BOURSE_HOME": "/from/env", "PATH": "/usr/bin"],
            overrides: [CommandLineOverride(key: "log.level", value: "error", flag: "--log-level")]
        )
        #expect(configuration[PlatformSettings.logLevel] == .error)
        let level = try #require(configuration.entry(forKey: "log.level"))
        #expect(level.source == .commandLine(flag: "--log-level"))
        #expect(
            level.overridden == [
                .environment(variable: "BOURSE_LOG_LEVEL"), .file(path: "bourse.yaml", line: 2, column: 10),
            ])
        #expect(configuration[PlatformSettings.home] == "/from/env")
        #expect(configuration.source(of: PlatformSettings.home) == .environment(variable: "BOURSE_HOME"))
    }

    @Test func valuesAreKeptInCanonicalForm() throws {
        let configuration = try Configuration.load(
            schema: platformSchema(),
            overrides: [try CommandLineOverride(assignment: "backtest.starting-balance=1234.5 EUR")]
        )
        #expect(configuration.entry(forKey: "backtest.starting-balance")?.text == "1234.50 EUR")
        #expect(
            configuration.source(of: BacktestSettings.startingBalance)
                == .commandLine(flag: "--set backtest.starting-balance"))
    }

    @Test func nestedAndDottedKeysMeanTheSameSetting() throws {
        let nested = try Configuration.load(schema: platformSchema(), file: yaml("backtest:", "  base-currency: EUR"))
        let dotted = try Configuration.load(schema: platformSchema(), file: yaml("backtest.base-currency: EUR"))
        #expect(nested[BacktestSettings.baseCurrency] == .EUR)
        #expect(dotted[BacktestSettings.baseCurrency] == .EUR)
    }

    @Test func emptyFileAndConfigVariableAreAccepted() throws {
        let configuration = try Configuration.load(
            schema: platformSchema(),
            file: yaml("# nothing set yet"),
            environment: ["BOURSE_CONFIG": "bourse.yaml"]
        )
        #expect(configuration.entries.allSatisfy { $0.source == .defaultValue })
    }

    @Test func fileIsChosenByFlagThenEnvironment() {
        #expect(Configuration.filePath(explicit: "a.yaml", environment: ["BOURSE_CONFIG": "b.yaml"]) == "a.yaml")
        #expect(Configuration.filePath(explicit: nil, environment: ["BOURSE_CONFIG": "b.yaml"]) == "b.yaml")
        #expect(Configuration.filePath(explicit: nil, environment: [:]) == nil)
    }

    @Test func fileIsReadFromDisk() throws {
        let path = "\(FileManager.default.temporaryDirectory.path)/bourse-config-\(UUID().uuidString).yaml"
        try "log:\n  level: trace\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let configuration = try Configuration.load(schema: platformSchema(), file: ConfigurationFile.read(path: path))
        #expect(configuration[PlatformSettings.logLevel] == .trace)
        #expect(configuration.source(of: PlatformSettings.logLevel) == .file(path: path, line: 2, column: 10))
    }
}
