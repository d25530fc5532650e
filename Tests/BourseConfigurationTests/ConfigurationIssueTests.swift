import BourseConfiguration
import Testing

/// Every way a configuration can be wrong, with the message a user reads.
@Suite struct ConfigurationIssueTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let file: [String]?
        var environment: [String: String] = [:]
        var overrides: [String] = []
        let expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "unknown key in a section, with a suggestion",
            file: ["log:", "  levle: debug"],
            expected: ["file bourse.yaml:2:3: unknown key 'log.levle' (did you mean 'log.level'?)"]
        ),
        Case(
            name: "unknown top-level key",
            file: ["strategy: ema"],
            expected: ["file bourse.yaml:1:1: unknown key 'strategy'"]
        ),
        Case(
            name: "value not of the setting's type",
            file: ["log:", "  level: verbose"],
            expected: [
                "file bourse.yaml:2:10: log.level: invalid value 'verbose': "
                    + "expected one of trace, debug, info, notice, warning, error, critical"
            ]
        ),
        Case(
            name: "list where a value belongs",
            file: ["backtest:", "  base-currency: [USD, EUR]"],
            expected: [
                "file bourse.yaml:2:18: backtest.base-currency: expected a currency code such as USD, found a list"
            ]
        ),
        Case(
            name: "value where a section belongs",
            file: ["backtest: 100000"],
            expected: [
                "file bourse.yaml:1:11: backtest: expected a section with backtest.starting-balance, "
                    + "backtest.base-currency, found a value"
            ]
        ),
        Case(
            name: "key without a value",
            file: ["home:"],
            expected: ["file bourse.yaml:1:6: home: expected a path, found no value"]
        ),
        Case(
            name: "money with too many decimals for its currency",
            file: ["backtest.starting-balance: 100.125 USD"],
            expected: [
                "file bourse.yaml:1:28: backtest.starting-balance: invalid value '100.125 USD': "
                    + "not an amount of USD: '100.125' has more than 2 significant decimal places"
            ]
        ),
        Case(
            name: "money that fails the setting's own validation",
            file: ["backtest.starting-balance: -5 USD"],
            expected: [
                "file bourse.yaml:1:28: backtest.starting-balance: invalid value '-5 USD': "
                    + "the starting balance must be positive"
            ]
        ),
        Case(
            name: "unknown currency code",
            file: ["backtest.base-currency: XYZ"],
            expected: [
                "file bourse.yaml:1:25: backtest.base-currency: invalid value 'XYZ': unknown currency code 'XYZ'; "
                    + "known: USD, EUR, GBP, JPY, CHF, CAD, AUD, NZD, HKD, SGD, SEK, NOK, CNY, BTC, ETH, USDT, USDC, BNB, SOL, XAU"
            ]
        ),
        Case(
            name: "same key nested and dotted",
            file: ["log:", "  level: debug", "log.level: info"],
            expected: ["file bourse.yaml:3:1: log.level: set twice (first at file bourse.yaml:2:3)"]
        ),
        Case(
            name: "same key twice in one mapping",
            file: ["home: a", "home: b"],
            expected: [
                "file bourse.yaml:1:1: not a valid configuration file: the mapping that starts here sets home more than once"
            ]
        ),
        Case(
            name: "malformed YAML",
            file: ["log:", "  level: [debug"],
            expected: [
                "file bourse.yaml:3:1: not a valid configuration file: "
                    + "while parsing a flow sequence did not find expected ',' or ']'"
            ]
        ),
        Case(
            name: "top level not a mapping",
            file: ["- home"],
            expected: [
                "file bourse.yaml:1:1: not a valid configuration file: "
                    + "the top level must be a mapping of keys to values, found a list"
            ]
        ),
        Case(
            name: "unknown BOURSE_ environment variable, with a suggestion",
            file: nil,
            environment: ["BOURSE_LOGLEVEL": "debug"],
            expected: ["env BOURSE_LOGLEVEL: no setting reads this variable (did you mean 'BOURSE_LOG_LEVEL'?)"]
        ),
        Case(
            name: "invalid environment value",
            file: nil,
            environment: ["BOURSE_HOME": ""],
            expected: ["env BOURSE_HOME: home: invalid value '': expected a path, found an empty text"]
        ),
        Case(
            name: "unknown key on the command line",
            file: nil,
            overrides: ["risk.max-order=5"],
            expected: ["flag --set risk.max-order: unknown key 'risk.max-order'"]
        ),
        Case(
            name: "key set twice on the command line",
            file: nil,
            overrides: ["log.level=debug", "log.level=info"],
            expected: ["flag --set log.level: log.level: set twice (first at flag --set log.level)"]
        ),
        Case(
            name: "every source checked, even when overridden, in source order",
            file: ["log:", "  level: loud", "home: ok"],
            environment: ["BOURSE_LOG_LEVEL": "quiet"],
            overrides: ["log.level=debug"],
            expected: [
                "file bourse.yaml:2:10: log.level: invalid value 'loud': "
                    + "expected one of trace, debug, info, notice, warning, error, critical",
                "env BOURSE_LOG_LEVEL: log.level: invalid value 'quiet': "
                    + "expected one of trace, debug, info, notice, warning, error, critical",
            ]
        ),
    ]

    @Test(arguments: cases)
    func reportsKeySourceAndReason(_ example: Case) throws {
        let file = example.file.map { ConfigurationFile(path: "bourse.yaml", text: $0.joined(separator: "\n") + "\n") }
        let overrides = try example.overrides.map { try CommandLineOverride(assignment: $0) }
        let found = try issues(file: file, environment: example.environment, overrides: overrides)
        #expect(found.map(\.description) == example.expected)
    }

    @Test func errorListsEveryIssue() throws {
        do {
            _ = try Configuration.load(schema: platformSchema(), file: yaml("a: 1", "b: 2"))
            Issue.record("loading an invalid file succeeded")
        } catch let error as ConfigurationError {
            #expect(
                error.description == """
                    invalid configuration (2 problems):
                      file bourse.yaml:1:1: unknown key 'a'
                      file bourse.yaml:2:1: unknown key 'b'
                    """
            )
        }
    }

    @Test func missingFileIsUnreadable() throws {
        do {
            _ = try ConfigurationFile.read(path: "/nonexistent/bourse.yaml")
            Issue.record("reading a missing file succeeded")
        } catch {
            guard case .unreadableFile(let path, _)? = error.issues.first else {
                Issue.record("unexpected issues \(error.issues)")
                return
            }
            #expect(path == "/nonexistent/bourse.yaml")
        }
    }

    @Test(arguments: ["nokey", "=value"])
    func malformedAssignmentIsRejected(_ text: String) {
        #expect(throws: SettingValueError.self) { try CommandLineOverride(assignment: text) }
    }
}
