import ArgumentParser
import BourseConfiguration
import Foundation
import Testing

@testable import bourse

/// The commands run as a user types them, from parsing to output.
@Suite struct CommandTests {
    @Test func versionIsPrinted() {
        #expect(throws: (any Error).self) { try Bourse.parseAsRoot(["--version"]) }
        do {
            _ = try Bourse.parseAsRoot(["--version"])
        } catch {
            #expect(Bourse.message(for: error) == Bourse.version)
            #expect(Bourse.exitCode(for: error) == .success)
        }
    }

    @Test func configShowPrintsEffectiveValuesAndSources() throws {
        let command = try #require(
            try Bourse.parseAsRoot(["config", "show", "--data-dir", "/data", "--set", "backtest.base-currency=EUR"])
                as? ConfigShow
        )
        let output = try command.output(environment: ["BOURSE_LOG_LEVEL": "debug", "HOME": "/root"])
        let lines = output.split(separator: "\n").map { String($0.reversed().drop { $0 == " " }.reversed()) }
        #expect(
            lines.count == 2 + PlatformSettings.all.count + BacktestSettings.all.count + RunSettings.all.count + RiskSettings.all.count)
        #expect(lines.first == "configuration file: none (use --config FILE or BOURSE_CONFIG)")
        #expect(lines.contains { $0.hasPrefix("home ") && $0.contains(" /data ") && $0.hasSuffix("flag --data-dir") })
        #expect(lines.contains { $0.hasPrefix("log.level ") && $0.contains(" debug ") && $0.hasSuffix("env BOURSE_LOG_LEVEL") })
        #expect(lines.contains { $0.hasPrefix("backtest.starting-balance ") && $0.contains(" 100000.00 USD ") && $0.hasSuffix("default") })
        #expect(lines.contains { $0.hasPrefix("backtest.base-currency ") && $0.contains(" EUR ") && $0.hasSuffix("flag --set backtest.base-currency") })
        // The run settings and every built-in strategy's parameters are listed with their defaults.
        #expect(lines.contains { $0.hasPrefix("backtest.strategy ") && $0.contains(" sma-cross ") && $0.hasSuffix("default") })
        #expect(lines.contains { $0.hasPrefix("strategy.donchian-breakout.stop-atr ") && $0.contains(" 2.0 ") })
        // The risk limits follow, all off by default.
        #expect(lines.contains { $0.hasPrefix("risk.order.max-notional ") && $0.contains(" none ") && $0.hasSuffix("default") })
    }

    @Test func configShowJSONReadsTheFileNamedByTheEnvironment() throws {
        let path = try temporaryFile("backtest:\n  starting-balance: 5000 EUR\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let command = try #require(try Bourse.parseAsRoot(["config", "show", "--json"]) as? ConfigShow)
        let output = try command.output(environment: ["BOURSE_CONFIG": path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(object["file"] as? String == path)
        let settings = try #require(object["settings"] as? [[String: Any]])
        let balance = try #require(settings.first { $0["key"] as? String == "backtest.starting-balance" })
        #expect(balance["value"] as? String == "5000.00 EUR")
        let source = try #require(balance["source"] as? [String: Any])
        #expect(source["line"] as? Int == 2)
    }

    @Test func configShowFailsWithTheIssues() throws {
        let command = try #require(try Bourse.parseAsRoot(["config", "show", "--log-level", "loud"]) as? ConfigShow)
        #expect(throws: ConfigurationError.self) { try command.output(environment: [:]) }
    }

    /// Each dedicated flag sets the setting that declares it, with that flag as source.
    @Test(arguments: PlatformSettings.all.compactMap(\.flag))
    func dedicatedFlagsMatchTheirSettings(_ flag: String) throws {
        let setting = try #require(PlatformSettings.all.first { $0.flag == flag })
        let command = try #require(
            try Bourse.parseAsRoot(["config", "show", flag, setting.defaultText]) as? ConfigShow)
        let configuration = try command.options.load(environment: [:])
        #expect(configuration.entry(forKey: setting.key)?.source == .commandLine(flag: flag))
    }

    @Test func configValidateAcceptsAValidFile() throws {
        let path = try temporaryFile("home: /srv/bourse\nlog.level: warning\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let command = try #require(try Bourse.parseAsRoot(["config", "validate", path]) as? ConfigValidate)
        #expect(try command.output() == "\(path): valid (sets 2 of \(try ConfigurationSchema.bourse().settings.count) settings)")
    }

    @Test func configValidateRejectsAnInvalidFile() throws {
        let path = try temporaryFile("home: /srv/bourse\nlog:\n  level: loud\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let command = try #require(try Bourse.parseAsRoot(["config", "validate", path]) as? ConfigValidate)
        do {
            _ = try command.output()
            Issue.record("an invalid file validated")
        } catch let error as ConfigurationError {
            #expect(
                error.issues.map(\.description) == [
                    "file \(path):3:10: log.level: invalid value 'loud': "
                        + "expected one of trace, debug, info, notice, warning, error, critical"
                ]
            )
        }
    }

    @Test func malformedSetIsAParseError() {
        #expect(throws: (any Error).self) { try Bourse.parseAsRoot(["config", "show", "--set", "log.level"]) }
    }

    private func temporaryFile(_ text: String) throws -> String {
        let path = "\(FileManager.default.temporaryDirectory.path)/bourse-cli-\(UUID().uuidString).yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
